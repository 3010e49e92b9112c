import { ClientSession, Connection, Schema } from 'mongoose';
import { AlreadyHandledError } from './already-handled.error';
import { InboxStore } from './inbox.store';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';

interface InboxDoc {
  consumer: string;
  messageId: string;
  processedAt: Date;
}

const InboxSchema = new Schema<InboxDoc>(
  {
    consumer: { type: String, required: true },
    messageId: { type: String, required: true },
    processedAt: Date,
  },
  { collection: 'inbox', versionKey: false },
);
InboxSchema.index({ consumer: 1, messageId: 1 }, { unique: true });
// Redeliveries come within minutes; a week of memory is plenty and keeps the collection bounded.
InboxSchema.index({ processedAt: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });

export class MongoInboxStore extends InboxStore {
  private readonly model;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<InboxDoc>('InboxEntry', InboxSchema);
  }

  async has(consumer: string, messageId: string): Promise<boolean> {
    return (await this.model.exists({ consumer, messageId })) !== null;
  }

  async record(consumer: string, messageId: string): Promise<void> {
    try {
      await this.model.create({ consumer, messageId, processedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /**
   * Inside the unit of work's transaction: a duplicate means another delivery of this message
   * committed first, so this whole transaction must abort rather than apply its effects again.
   */
  async recordIn(session: ClientSession, consumer: string, messageId: string): Promise<void> {
    try {
      await this.model.create([{ consumer, messageId, processedAt: new Date() }], { session });
    } catch (error) {
      if (isDuplicateKey(error)) throw new AlreadyHandledError(consumer, messageId);
      throw error;
    }
  }
}
