import { ClientSession, Connection, Schema } from 'mongoose';
import { OutboxMessage } from './outbox-message';
import { OutboxStore } from './outbox.store';

interface OutboxDoc {
  _id: string;
  routingKey: string;
  body: string;
  correlationId: string;
  createdAt: Date;
  sentAt: Date | null;
  lockedUntil: Date | null;
}

const OutboxSchema = new Schema<OutboxDoc>(
  {
    _id: String,
    routingKey: String,
    body: String,
    correlationId: String,
    createdAt: Date,
    sentAt: { type: Date, default: null },
    lockedUntil: { type: Date, default: null },
  },
  { collection: 'outbox', versionKey: false },
);
OutboxSchema.index({ sentAt: 1, createdAt: 1 });
OutboxSchema.index(
  { sentAt: 1 },
  { expireAfterSeconds: 24 * 3600, partialFilterExpression: { sentAt: { $type: 'date' } } },
);

const LEASE_MS = 30_000;

/** One module's outbox collection, in that module's own database. */
export class MongoOutboxStore extends OutboxStore {
  private readonly model;

  constructor(
    connection: Connection,
    private readonly onAppend: () => void = () => undefined,
  ) {
    super();
    this.model = connection.model<OutboxDoc>('OutboxMessage', OutboxSchema);
  }

  /** Must be given the session of the transaction that writes the state change. */
  async append(messages: OutboxMessage[], session: ClientSession): Promise<void> {
    if (messages.length === 0) return;
    await this.model.insertMany(
      messages.map((m) => ({ _id: m.id, ...m, sentAt: null, lockedUntil: null })),
      { session },
    );
    session.once('ended', () => this.onAppend());
  }

  async claim(limit: number): Promise<OutboxMessage[]> {
    const claimed: OutboxMessage[] = [];
    // findOneAndUpdate claims atomically, so two relays (two replicas) never take the same row.
    for (let i = 0; i < limit; i++) {
      const now = new Date();
      const doc = await this.model
        .findOneAndUpdate(
          { sentAt: null, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }] },
          { $set: { lockedUntil: new Date(now.getTime() + LEASE_MS) } },
          { sort: { createdAt: 1 }, new: true },
        )
        .lean();
      if (!doc) break;
      claimed.push({
        id: doc._id,
        routingKey: doc.routingKey,
        body: doc.body,
        correlationId: doc.correlationId,
        createdAt: doc.createdAt,
      });
    }
    return claimed;
  }

  async markSent(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.model.updateMany(
      { _id: { $in: ids } },
      { $set: { sentAt: new Date(), lockedUntil: null } },
    );
  }

  async release(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.model.updateMany(
      { _id: { $in: ids }, sentAt: null },
      { $set: { lockedUntil: null } },
    );
  }

  async pendingCount(): Promise<number> {
    return this.model.countDocuments({ sentAt: null });
  }
}
