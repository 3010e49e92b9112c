import { Transaction } from '../../messaging';
import { Invoice } from '../domain/invoice';
import { Payment } from '../domain/payment.entity';

/** How many invoices one listing returns at most. */
export const INVOICE_LIST_LIMIT = 500;

/**
 * Loads and saves payments, one per order. Persistence only: every rule lives in Payment.
 */
export abstract class PaymentRepository {
  abstract findByOrderId(orderId: string): Promise<Payment | undefined>;

  /**
   * Inserts a new payment or updates a loaded one, within the transaction, and hands the
   * payment's events to it. A row already there for a new payment, or a stored version other
   * than `persistedVersion`, is a lost race: ConcurrentModificationError (the unit of work
   * reloads and re-runs). An unchanged payment writes nothing. Save a payment once per run.
   */
  abstract save(payment: Payment, tx: Transaction): Promise<void>;

  /**
   * Invoices of charged orders, PAID or REFUNDED (of one order, if given), newest first;
   * invoices of the same instant by order id, descending, so the order never depends on the
   * store's whim.
   */
  abstract listInvoices(orderId?: string): Promise<Invoice[]>;
}
