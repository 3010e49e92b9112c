import { Connection, Model } from 'mongoose';
import { MongoOutboxStore } from '../../messaging/outbox/mongo-outbox.store';
import { toOutboxMessage } from '../../messaging/outbox/outbox-message';
import { Invoice, Payment, PaymentIntent } from '../domain/payment';
import {
  BillingRepository,
  OutgoingEvents,
  PaymentDecision,
} from '../application/billing.repository';
import { PaymentDoc, PaymentSchema } from './payment.schema';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';

const toPayment = ({ _id, ...rest }: PaymentDoc): Payment => ({
  orderId: _id,
  ...rest,
  stockReserved: rest.stockReserved ?? false,
});

export class MongoBillingRepository extends BillingRepository {
  private readonly model: Model<PaymentDoc>;

  constructor(
    private readonly connection: Connection,
    private readonly outbox: MongoOutboxStore,
  ) {
    super();
    this.model = connection.model<PaymentDoc>('Payment', PaymentSchema);
  }

  /** Keeps the first intent: a redelivered order.placed changes nothing. */
  recordIntent(orderId: string, intent: PaymentIntent): Promise<Payment> {
    return this.upsert(orderId, { intent: { $ifNull: ['$intent', { $literal: intent }] } });
  }

  recordStockReserved(orderId: string): Promise<Payment> {
    return this.upsert(orderId, { stockReserved: { $literal: true } });
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
        { _id: orderId, status: 'PENDING' },
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

  /**
   * One atomic upsert returning the state after it (see BillingRepository). An update pipeline,
   * so defaults apply only to a new row; values go in as $literal, never read as expressions.
   */
  private async upsert(orderId: string, fields: Record<string, unknown>): Promise<Payment> {
    const now = { $literal: new Date() };
    const pipeline = [
      {
        $set: {
          status: { $ifNull: ['$status', 'PENDING'] },
          stockReserved: { $ifNull: ['$stockReserved', false] },
          createdAt: { $ifNull: ['$createdAt', now] },
          updatedAt: now,
          ...fields,
        },
      },
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        const doc = await this.model
          .findOneAndUpdate({ _id: orderId }, pipeline, { upsert: true, new: true })
          .lean<PaymentDoc>();
        return toPayment(doc!);
      } catch (error) {
        // Two first upserts for one order raced; the loser retries and finds the winner's row.
        if (!isDuplicateKey(error) || attempt >= 3) throw error;
      }
    }
  }
}
