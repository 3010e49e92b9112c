import { Connection, FilterQuery, Schema } from 'mongoose';
import { DeadLetterFilter, DeadLetterRecord, Page } from './dead-letter.record';
import { DeadLetterStore } from './dead-letter.store';

type DeadLetterDoc = Omit<DeadLetterRecord, 'id'> & { _id: string };

const DeadLetterSchema = new Schema<DeadLetterDoc>(
  {
    _id: String,
    messageId: String,
    type: String,
    queue: { type: String, required: true },
    consumer: String,
    host: String,
    originalExchange: String,
    originalRoutingKey: String,
    errorType: String,
    errorMessage: String,
    errorStack: String,
    permanent: Boolean,
    attempts: Number,
    firstFailedAt: Date,
    lastFailedAt: Date,
    deadLetteredAt: Date,
    bodyBase64: String,
    contentType: String,
    correlationId: String,
    headers: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, enum: ['PARKED', 'REPLAYED'] },
    replayCount: { type: Number, default: 0 },
    replayedAt: Date,
  },
  { collection: 'dead_letters', versionKey: false },
);
// Every listing sorts by NEWEST_FIRST; each index ends with it, so a page is read in index order.
DeadLetterSchema.index({ deadLetteredAt: -1, _id: -1 });
DeadLetterSchema.index({ queue: 1, deadLetteredAt: -1, _id: -1 });
DeadLetterSchema.index({ type: 1, deadLetteredAt: -1, _id: -1 });
DeadLetterSchema.index({ status: 1, deadLetteredAt: -1, _id: -1 });

/** `_id` breaks ties: rows of one millisecond keep one order, so pages neither repeat nor skip. */
const NEWEST_FIRST = { deadLetteredAt: -1, _id: -1 } as const;

function toRecord(doc: DeadLetterDoc): DeadLetterRecord {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

export class MongoDeadLetterStore extends DeadLetterStore {
  private readonly model;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<DeadLetterDoc>('DeadLetter', DeadLetterSchema);
  }

  async save(record: DeadLetterRecord): Promise<void> {
    const { id, ...rest } = record;
    // $setOnInsert: a redelivered dead letter must not reset a record that was replayed meanwhile.
    await this.model.updateOne({ _id: id }, { $setOnInsert: rest }, { upsert: true });
  }

  async list(
    filter: DeadLetterFilter,
    offset: number,
    limit: number,
  ): Promise<Page<DeadLetterRecord>> {
    const q: FilterQuery<DeadLetterDoc> = {};
    if (filter.queue) q.queue = filter.queue;
    if (filter.type) q.type = filter.type;
    if (filter.status) q.status = filter.status;
    if (filter.since) q.deadLetteredAt = { $gte: filter.since };
    if (filter.replayCountBelow !== undefined) q.replayCount = { $lt: filter.replayCountBelow };
    const [docs, total] = await Promise.all([
      this.model.find(q).sort(NEWEST_FIRST).skip(offset).limit(limit).lean<DeadLetterDoc[]>(),
      this.model.countDocuments(q),
    ]);
    return { items: docs.map(toRecord), total };
  }

  async get(id: string): Promise<DeadLetterRecord | undefined> {
    const doc = await this.model.findById(id).lean<DeadLetterDoc>();
    return doc ? toRecord(doc) : undefined;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: id })).deletedCount === 1;
  }

  async markReplayed(id: string): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: id, status: 'PARKED' },
      { $set: { status: 'REPLAYED', replayedAt: new Date() }, $inc: { replayCount: 1 } },
    );
    return res.matchedCount === 1;
  }

  async markParked(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { status: 'PARKED' } });
  }
}
