import { Connection, Schema } from 'mongoose';
import { JournalEntry } from './journal-entry';
import { JOURNAL_TTL_MS, MessageJournal, TIMELINE_LIMIT } from './message-journal';

type JournalDoc = Omit<JournalEntry, 'id'> & { _id: string };

const SentEmailSchema = new Schema({ to: String, subject: String }, { _id: false });

const JournalSchema = new Schema<JournalDoc>(
  {
    _id: String,
    orderId: { type: String, required: true },
    at: { type: Date, required: true },
    direction: String,
    type: String,
    messageId: String,
    correlationId: String,
    module: String,
    process: String,
    queue: String,
    exchange: String,
    attempt: Number,
    replay: Number,
    outcome: String,
    error: String,
    email: { type: SentEmailSchema, default: undefined },
  },
  { collection: 'journal', versionKey: false },
);
// One order's timeline is one index range, read in index order.
JournalSchema.index({ orderId: 1, at: 1, _id: 1 });
JournalSchema.index({ at: 1 }, { expireAfterSeconds: JOURNAL_TTL_MS / 1000 });

function toEntry(doc: JournalDoc): JournalEntry {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

/** The `journal` collection of the messaging database, which every process writes. */
export class MongoMessageJournal extends MessageJournal {
  readonly shared = true;
  private readonly model;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<JournalDoc>('JournalEntry', JournalSchema);
  }

  async append(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const docs = entries.map(({ id, ...rest }) => ({ _id: id, ...rest }));
    // Unordered: one bad entry does not keep the rest of the batch out. Insert only, never an
    // update: writers on every process append side by side.
    await this.model.insertMany(docs, { ordered: false });
  }

  async forOrder(orderId: string, limit = TIMELINE_LIMIT): Promise<JournalEntry[]> {
    const docs = await this.model
      .find({ orderId })
      .sort({ at: 1, _id: 1 })
      .limit(limit)
      .lean<JournalDoc[]>();
    return docs.map(toEntry);
  }
}
