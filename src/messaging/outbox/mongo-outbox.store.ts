import { randomUUID } from 'node:crypto';
import { ClientSession, Connection, FilterQuery, Schema } from 'mongoose';
import { OutboxMessage } from './outbox-message';
import { ClaimedOutboxMessage, OUTBOX_LEASE_MS, OutboxStore } from './outbox.store';

/** Fields for a state the row is not in are absent, never null (as in the in-memory store). */
interface OutboxDoc {
  _id: string;
  routingKey: string;
  body: string;
  correlationId: string;
  createdAt: Date;
  destination?: 'commands';
  headers?: Record<string, string>;
  sentAt?: Date;
  claimedBy?: string;
  leaseUntil?: Date;
}

const OutboxSchema = new Schema<OutboxDoc>(
  {
    _id: String,
    routingKey: String,
    body: String,
    correlationId: String,
    createdAt: Date,
    destination: String,
    headers: { type: Schema.Types.Mixed },
    sentAt: Date,
    claimedBy: String,
    leaseUntil: Date,
  },
  { collection: 'outbox', versionKey: false },
);
// The claim's query: unsent rows, oldest first, in a fixed order within one millisecond.
OutboxSchema.index({ sentAt: 1, createdAt: 1, _id: 1 });
OutboxSchema.index(
  { sentAt: 1 },
  { expireAfterSeconds: 24 * 3600, partialFilterExpression: { sentAt: { $type: 'date' } } },
);

// `sentAt: null` also matches the explicit nulls of rows written before this layout. The lease
// is compared with the database's clock ($$NOW), so relays whose clocks disagree still agree on
// when it is over. A fresh object per query, because Mongoose casts filters in place.
const claimable = (): FilterQuery<OutboxDoc> => ({
  sentAt: null,
  $or: [{ leaseUntil: { $exists: false } }, { $expr: { $lt: ['$leaseUntil', '$$NOW'] } }],
});
const ORDER = { createdAt: 1, _id: 1 } as const;

/** One module's outbox collection, in that module's own database. */
export class MongoOutboxStore extends OutboxStore {
  private readonly model;

  constructor(
    connection: Connection,
    private readonly onAppend: () => void = () => undefined,
    private readonly leaseMs: number = OUTBOX_LEASE_MS,
  ) {
    super();
    this.model = connection.model<OutboxDoc>('OutboxMessage', OutboxSchema);
  }

  /** Must be given the session of the transaction that writes the state change. */
  async append(messages: OutboxMessage[], session: ClientSession): Promise<void> {
    if (messages.length === 0) return;
    await this.model.insertMany(
      messages.map((m) => ({ _id: m.id, ...m })),
      { session },
    );
    session.once('ended', () => this.onAppend());
  }

  /**
   * Two round trips: read the oldest claimable rows, then stamp them with a fresh token in one
   * updateMany that re-checks claimability per row. A third, reading the token back, only when
   * another relay took some of them in between.
   */
  async claim(limit: number): Promise<ClaimedOutboxMessage[]> {
    // limit(0) would mean "no limit" to MongoDB.
    if (limit <= 0) return [];
    const candidates = await this.model
      .find(claimable(), {
        routingKey: 1,
        body: 1,
        correlationId: 1,
        createdAt: 1,
        destination: 1,
        headers: 1,
      })
      .sort(ORDER)
      .limit(limit)
      .lean<OutboxDoc[]>();
    if (candidates.length === 0) return [];
    const token = randomUUID();
    const ids = candidates.map((d) => d._id);
    const { matchedCount } = await this.model.updateMany({ _id: { $in: ids }, ...claimable() }, [
      { $set: { claimedBy: { $literal: token }, leaseUntil: { $add: ['$$NOW', this.leaseMs] } } },
    ]);
    const won =
      matchedCount === ids.length ? candidates : await this.heldOf(candidates, token, ids);
    return won.map((d) => ({
      id: d._id,
      routingKey: d.routingKey,
      body: d.body,
      correlationId: d.correlationId,
      createdAt: d.createdAt,
      ...(d.destination ? { destination: d.destination } : {}),
      ...(d.headers ? { headers: d.headers } : {}),
      claimToken: token,
    }));
  }

  async markSent(claimed: readonly ClaimedOutboxMessage[]): Promise<void> {
    for (const [token, ids] of byToken(claimed))
      await this.model.updateMany({ _id: { $in: ids }, claimedBy: token, sentAt: null }, [
        { $set: { sentAt: '$$NOW' } },
        { $unset: ['claimedBy', 'leaseUntil'] },
      ]);
  }

  async release(claimed: readonly ClaimedOutboxMessage[]): Promise<void> {
    for (const [token, ids] of byToken(claimed))
      await this.model.updateMany(
        { _id: { $in: ids }, claimedBy: token, sentAt: null },
        { $unset: { claimedBy: '', leaseUntil: '' } },
      );
  }

  async pendingCount(): Promise<number> {
    return this.model.countDocuments({ sentAt: null });
  }

  /** One index entry: the claim's index is sorted by createdAt within the unsent rows. */
  async oldestPendingAt(): Promise<Date | undefined> {
    const oldest = await this.model
      .findOne({ sentAt: null }, { createdAt: 1 })
      .sort(ORDER)
      .lean<Pick<OutboxDoc, 'createdAt'>>();
    return oldest?.createdAt;
  }

  private async heldOf(candidates: OutboxDoc[], token: string, ids: string[]) {
    const held = await this.model
      .find({ _id: { $in: ids }, claimedBy: token }, { _id: 1 })
      .lean<Pick<OutboxDoc, '_id'>[]>();
    const mine = new Set(held.map((d) => d._id));
    return candidates.filter((d) => mine.has(d._id));
  }
}

/** One claim's messages usually share one token: one write per token, not per message. */
function byToken(claimed: readonly ClaimedOutboxMessage[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const m of claimed) groups.set(m.claimToken, [...(groups.get(m.claimToken) ?? []), m.id]);
  return groups;
}
