import { Connection, FilterQuery, Model } from 'mongoose';
import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';
import { MongoTransaction, Transaction } from '../../messaging';
import { INVOICE_LIST_LIMIT, PaymentRepository } from '../application/payment.repository';
import { Invoice } from '../domain/invoice';
import { Payment } from '../domain/payment.entity';
import { PaymentMapper } from './payment.mapper';
import { PaymentDoc, PaymentSchema } from './payment.schema';

/** Writes inside the unit of work's transaction; `version` guards every update. */
export class MongoPaymentRepository extends PaymentRepository {
  private readonly model: Model<PaymentDoc>;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<PaymentDoc>('Payment', PaymentSchema);
  }

  async findByOrderId(orderId: string): Promise<Payment | undefined> {
    const doc = await this.model.findById(orderId).lean<PaymentDoc>();
    return doc ? PaymentMapper.toDomain(doc) : undefined;
  }

  async save(payment: Payment, tx: Transaction): Promise<void> {
    const { session } = MongoTransaction.from(tx);
    // Unchanged: nothing to write and no events (tracked only once there is a change, so a later
    // save in this transaction still checks the version).
    if (payment.version === payment.persistedVersion) return;
    const savedBefore = tx.tracks(payment);
    tx.track(payment);
    const { _id, ...fields } = PaymentMapper.toDoc(payment);
    if (savedBefore) {
      // Saved before in this transaction: the row is ours until commit, its version already moved.
      await this.model.updateOne({ _id }, { $set: fields }, { session });
      return;
    }
    if (payment.persistedVersion === 0) {
      try {
        await this.model.create([{ _id, ...fields }], { session });
      } catch (error) {
        // Another delivery of the charge stored this payment first: re-run and find its decision.
        if (isDuplicateKey(error)) throw new ConcurrentModificationError('Payment', _id);
        throw error;
      }
      return;
    }
    const res = await this.model.updateOne(
      { _id, version: payment.persistedVersion },
      { $set: fields },
      { session },
    );
    if (res.matchedCount === 0) throw new ConcurrentModificationError('Payment', _id);
  }

  async listInvoices(orderId?: string): Promise<Invoice[]> {
    const paid: FilterQuery<PaymentDoc> = { invoice: { $exists: true } };
    const docs = await this.model
      .find(orderId ? { ...paid, _id: orderId } : paid, { invoice: 1 })
      // Matches the { 'invoice.issuedAt': -1, _id: -1 } index, so the order is total and cheap.
      .sort({ 'invoice.issuedAt': -1, _id: -1 })
      .limit(INVOICE_LIST_LIMIT)
      .lean<Pick<PaymentDoc, '_id' | 'invoice'>[]>();
    return docs.flatMap((d) => (d.invoice ? [d.invoice] : []));
  }
}
