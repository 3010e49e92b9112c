import { Connection, Model } from 'mongoose';
import { MongoOutboxStore } from '../../messaging/outbox/mongo-outbox.store';
import { toOutboxMessage } from '../../messaging/outbox/outbox-message';
import { Invoice, Payment } from '../domain/payment';
import {
  BillingRepository,
  OutgoingEvents,
  PaymentDecision,
} from '../application/billing.repository';
import { PaymentDoc, PaymentSchema } from './payment.schema';

const toPayment = ({ _id, ...rest }: PaymentDoc): Payment => ({ orderId: _id, ...rest });

export class MongoBillingRepository extends BillingRepository {
  private readonly model: Model<PaymentDoc>;

  constructor(
    private readonly connection: Connection,
    private readonly outbox: MongoOutboxStore,
  ) {
    super();
    this.model = connection.model<PaymentDoc>('Payment', PaymentSchema);
  }

  async recordIntent(payment: Payment): Promise<void> {
    const { orderId, ...fields } = payment;
    await this.model.updateOne({ _id: orderId }, { $setOnInsert: fields }, { upsert: true });
  }

  async findByOrderId(orderId: string): Promise<Payment | undefined> {
    const doc = await this.model.findById(orderId).lean<PaymentDoc>();
    return doc ? toPayment(doc) : undefined;
  }

  async decide(
    orderId: string,
    decision: PaymentDecision,
    events: OutgoingEvents,
  ): Promise<boolean> {
    return this.connection.transaction(async (session) => {
      const res = await this.model.updateOne(
        { _id: orderId, status: 'AWAITING_STOCK' },
        { $set: { ...decision, updatedAt: new Date() } },
        { session },
      );
      if (res.modifiedCount !== 1) return false;
      await this.outbox.append(events.map(toOutboxMessage), session);
      return true;
    });
  }

  async listInvoices(orderId?: string): Promise<Invoice[]> {
    const filter = orderId
      ? { _id: orderId, invoice: { $exists: true } }
      : { invoice: { $exists: true } };
    const docs = await this.model
      .find(filter)
      .sort({ 'invoice.issuedAt': -1 })
      .limit(500)
      .lean<PaymentDoc[]>();
    return docs.map((d) => d.invoice!);
  }
}
