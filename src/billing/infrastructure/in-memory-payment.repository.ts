import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { InMemoryTransaction, Transaction } from '../../messaging';
import { INVOICE_LIST_LIMIT, PaymentRepository } from '../application/payment.repository';
import { Invoice } from '../domain/invoice';
import { Payment, PaymentProps } from '../domain/payment.entity';

/** Newest first; the order id breaks ties, compared as Mongo compares `_id` strings. */
const newestFirst = (a: Invoice, b: Invoice): number =>
  b.issuedAt.getTime() - a.issuedAt.getTime() ||
  (a.orderId < b.orderId ? 1 : a.orderId > b.orderId ? -1 : 0);

/** Keeps snapshots, never live aggregates; writes happen in the unit of work's commit block. */
export class InMemoryPaymentRepository extends PaymentRepository {
  private readonly rows = new Map<string, PaymentProps>();

  async findByOrderId(orderId: string): Promise<Payment | undefined> {
    const row = this.rows.get(orderId);
    return row && Payment.restore(row);
  }

  async save(payment: Payment, tx: Transaction): Promise<void> {
    const staged = InMemoryTransaction.from(tx);
    tx.track(payment);
    if (payment.version === payment.persistedVersion) return;
    const row = payment.snapshot();
    const expected = payment.persistedVersion;
    staged.stage({
      // No row reads as version 0, so a second insert of one order conflicts like a stale update.
      check: () => {
        if ((this.rows.get(row.orderId)?.version ?? 0) !== expected)
          throw new ConcurrentModificationError('Payment', row.orderId);
      },
      apply: () => this.rows.set(row.orderId, row),
    });
  }

  async listInvoices(orderId?: string): Promise<Invoice[]> {
    return [...this.rows.values()]
      .filter((p) => !orderId || p.orderId === orderId)
      .flatMap((p) => (p.invoice ? [structuredClone(p.invoice)] : []))
      .sort(newestFirst)
      .slice(0, INVOICE_LIST_LIMIT);
  }
}
