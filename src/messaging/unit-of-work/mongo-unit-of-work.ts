import type { Connection } from 'mongoose';
import { retryOnConflict } from '../../common/errors/retry-on-conflict';
import { DeliveryScope } from '../inbox/delivery-scope';
import { MongoInboxStore } from '../inbox/mongo-inbox.store';
import { MongoOutboxStore } from '../outbox/mongo-outbox.store';
import { toOutboxMessage } from '../outbox/outbox-message';
import { EventMapper } from './event-mapper';
import { MongoTransaction } from './mongo-transaction';
import { Transaction } from './transaction';
import { UnitOfWork } from './unit-of-work';

/**
 * One MongoDB transaction per run, in the module's own database: the repositories' writes, the
 * outbox rows and the inbox entry commit or abort together. Needs a replica set.
 */
export class MongoUnitOfWork extends UnitOfWork {
  constructor(
    private readonly connection: Connection,
    private readonly outbox: MongoOutboxStore,
    private readonly inbox: MongoInboxStore,
    private readonly mapper: EventMapper,
  ) {
    super();
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return retryOnConflict(async () => {
      const delivery = DeliveryScope.pending();
      // Mongoose re-runs this callback on a TransientTransactionError: each try gets a fresh tx.
      let tx: MongoTransaction | undefined;
      const result = await this.connection.transaction(async (session) => {
        tx = new MongoTransaction(session, this.mapper);
        const value = await work(tx);
        await this.outbox.append(tx.outgoing().map(toOutboxMessage), session);
        if (delivery) await this.inbox.recordIn(session, delivery.consumer, delivery.messageId);
        return value;
      });
      tx?.committed();
      if (delivery) delivery.recorded = true;
      return result;
    });
  }
}
