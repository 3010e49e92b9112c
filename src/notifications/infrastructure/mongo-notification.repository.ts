import { Connection, Model, Schema } from 'mongoose';
import { DeliveryAttempt, Notification, NotificationStatus } from '../domain/notification';
import { Claim, NotificationRepository } from '../application/notification.repository';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';

type NotificationDoc = Omit<Notification, 'id'> & { _id: string };

const NotificationSchema = new Schema<NotificationDoc>(
  {
    _id: String,
    orderId: { type: String, required: true },
    kind: { type: String, required: true },
    recipient: String,
    subject: String,
    status: { type: String, required: true },
    messageId: String,
    attempts: [{ _id: false, at: Date, outcome: String, response: String, messageId: String }],
    createdAt: Date,
    sentAt: Date,
    leaseUntil: Date,
  },
  { collection: 'notifications', versionKey: false },
);
NotificationSchema.index({ orderId: 1, kind: 1 }, { unique: true });
NotificationSchema.index({ createdAt: -1 });

const toNotification = ({ _id, ...rest }: NotificationDoc): Notification => ({ id: _id, ...rest });

export class MongoNotificationRepository extends NotificationRepository {
  private readonly model: Model<NotificationDoc>;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<NotificationDoc>('Notification', NotificationSchema);
  }

  async claim(candidate: Notification, leaseUntil: Date): Promise<Claim> {
    const { id, orderId, kind, ...rest } = candidate;
    try {
      await this.model.updateOne(
        { orderId, kind },
        { $setOnInsert: { _id: id, ...rest } },
        { upsert: true },
      );
    } catch (error) {
      // Two first deliveries raced to insert; the unique index let one win, which is all we need.
      if (!isDuplicateKey(error)) throw error;
    }
    const now = new Date();
    const leased = await this.model
      .findOneAndUpdate(
        {
          orderId,
          kind,
          status: 'PENDING',
          $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
        },
        { $set: { leaseUntil } },
        { new: true },
      )
      .lean<NotificationDoc>();
    if (leased) return { notification: toNotification(leased), acquired: true };
    const current = await this.model.findOne({ orderId, kind }).lean<NotificationDoc>();
    return { notification: toNotification(current!), acquired: false };
  }

  async recordAttempt(
    id: string,
    attempt: DeliveryAttempt,
    status: NotificationStatus,
  ): Promise<void> {
    const set: Record<string, unknown> = { status, leaseUntil: null };
    if (attempt.outcome === 'sent')
      Object.assign(set, { messageId: attempt.messageId, sentAt: attempt.at });
    await this.model.updateOne({ _id: id }, { $set: set, $push: { attempts: attempt } });
  }

  async list(orderId?: string): Promise<Notification[]> {
    const docs = await this.model
      .find(orderId ? { orderId } : {})
      .sort({ createdAt: -1 })
      .limit(500)
      .lean<NotificationDoc[]>();
    return docs.map(toNotification);
  }
}
