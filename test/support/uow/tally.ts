import { AggregateRoot } from '../../../src/common/domain/aggregate-root';
import { ConcurrentModificationError } from '../../../src/common/errors/concurrent-modification.error';
import { ProductUpdated } from '../../../src/messaging/contracts';
import { newEnvelope } from '../../../src/messaging/envelope/new-envelope';
import { InMemoryTransaction } from '../../../src/messaging/unit-of-work/in-memory-transaction';
import { MongoTransaction } from '../../../src/messaging/unit-of-work/mongo-transaction';
import { Transaction } from '../../../src/messaging/unit-of-work/transaction';
import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';

export interface Counted {
  type: 'Counted';
  name: string;
  count: number;
}

/** The smallest aggregate with an effect worth counting: applying it twice shows. */
export class Tally extends AggregateRoot<Counted> {
  constructor(
    readonly name: string,
    public count = 0,
    readonly persistedVersion = 0,
  ) {
    super();
  }

  add(): void {
    this.count += 1;
    this.record({ type: 'Counted', name: this.name, count: this.count });
  }
}

/** Announces each count as a product update (any contract would do). */
export const tallyEvents = (e: Counted) => [
  newEnvelope(ProductUpdated, {
    sku: e.name,
    name: e.name,
    price: 1,
    currency: 'EUR',
    available: e.count,
  }),
];

export interface TallyStore {
  get(name: string): Promise<Tally>;
  save(tally: Tally, tx: Transaction): Promise<void>;
}

export class InMemoryTallies implements TallyStore {
  readonly rows = new Map<string, number>();

  async get(name: string): Promise<Tally> {
    const count = this.rows.get(name);
    return new Tally(name, count ?? 0, count ?? 0);
  }

  async save(tally: Tally, tx: Transaction): Promise<void> {
    InMemoryTransaction.from(tx).stage({
      check: () => {
        if ((this.rows.get(tally.name) ?? 0) !== tally.persistedVersion)
          throw new ConcurrentModificationError('Tally', tally.name);
      },
      apply: () => this.rows.set(tally.name, tally.count),
    });
    tx.track(tally);
  }
}

interface TallyDoc {
  _id: string;
  count: number;
}

/** The count doubles as the version: a save succeeds only over the count it was loaded at. */
export class MongoTallies implements TallyStore {
  private readonly model: Model<TallyDoc>;

  constructor(connection: Connection) {
    const schema = new Schema<TallyDoc>({ _id: String, count: Number }, { versionKey: false });
    this.model = connection.model<TallyDoc>('Tally', schema, 'tallies');
  }

  async get(name: string): Promise<Tally> {
    const doc = await this.model.findById(name).lean<TallyDoc>();
    return new Tally(name, doc?.count ?? 0, doc?.count ?? 0);
  }

  async save(tally: Tally, tx: Transaction): Promise<void> {
    const { session } = MongoTransaction.from(tx);
    const res = await this.model
      .updateOne(
        { _id: tally.name, count: tally.persistedVersion },
        { $set: { count: tally.count } },
        { session, upsert: tally.persistedVersion === 0 },
      )
      .catch((error: { code?: number }) => {
        if (error.code === 11000) throw new ConcurrentModificationError('Tally', tally.name);
        throw error;
      });
    if (res.matchedCount === 0 && res.upsertedCount === 0)
      throw new ConcurrentModificationError('Tally', tally.name);
    tx.track(tally);
  }
}
