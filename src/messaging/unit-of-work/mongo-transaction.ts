import type { ClientSession } from 'mongoose';
import { EventMapper } from './event-mapper';
import { Transaction } from './transaction';

/** A Mongo repository writes with `session`, so its writes commit or abort with the outbox rows. */
export class MongoTransaction extends Transaction {
  constructor(
    readonly session: ClientSession,
    mapper: EventMapper,
  ) {
    super(mapper);
  }

  /** Narrows a transaction for a Mongo adapter; an in-memory one here is a wiring mistake. */
  static from(tx: Transaction): MongoTransaction {
    if (tx instanceof MongoTransaction) return tx;
    throw new Error('A Mongo repository was given a transaction of another store');
  }
}
