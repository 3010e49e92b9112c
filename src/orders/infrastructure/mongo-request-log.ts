import { Connection, Model, Schema } from 'mongoose';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';
import { MongoTransaction, Transaction } from '../../messaging';
import { DuplicateIdempotencyKeyError } from '../application/duplicate-idempotency-key.error';
import { LoggedRequest, RequestLog } from '../application/request-log';

interface RequestDoc {
  _id: string;
  requestHash: string;
  orderId: string;
  expiresAt: Date;
}

const RequestSchema = new Schema<RequestDoc>(
  {
    _id: String,
    requestHash: { type: String, required: true },
    orderId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'idempotency_keys', versionKey: false },
);
// The key is the _id, so it is unique by construction; the TTL index removes expired keys.
RequestSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export class MongoRequestLog extends RequestLog {
  private readonly model: Model<RequestDoc>;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<RequestDoc>('IdempotencyKey', RequestSchema);
  }

  async find(key: string): Promise<LoggedRequest | undefined> {
    const doc = await this.model
      .findOne({ _id: key, expiresAt: { $gt: new Date() } })
      .lean<RequestDoc>();
    return doc ? { key: doc._id, ...pick(doc) } : undefined;
  }

  async add(entry: LoggedRequest, tx: Transaction): Promise<void> {
    const { session } = MongoTransaction.from(tx);
    // The TTL monitor runs about once a minute: an expired key may still be there, and is free.
    await this.model.deleteOne({ _id: entry.key, expiresAt: { $lte: new Date() } }, { session });
    try {
      await this.model.create([{ _id: entry.key, ...pick(entry) }], { session });
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateIdempotencyKeyError(entry.key);
      throw error;
    }
  }
}

function pick({ requestHash, orderId, expiresAt }: Omit<LoggedRequest, 'key'>) {
  return { requestHash, orderId, expiresAt };
}
