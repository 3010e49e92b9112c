import { MessageEnvelope } from '../../messaging/envelope/message-envelope';
import { Invoice, Payment } from '../domain/payment';

export type OutgoingEvents = MessageEnvelope<object>[];

export type PaymentDecision = Pick<Payment, 'status' | 'paymentId' | 'invoice' | 'failure'>;

export abstract class BillingRepository {
  /** Inserts the intent unless one exists for the order (idempotent). */
  abstract recordIntent(payment: Payment): Promise<void>;
  abstract findByOrderId(orderId: string): Promise<Payment | undefined>;
  /** AWAITING_STOCK → decided, with its events, atomically; false if already decided. */
  abstract decide(
    orderId: string,
    decision: PaymentDecision,
    events: OutgoingEvents,
  ): Promise<boolean>;
  abstract listInvoices(orderId?: string): Promise<Invoice[]>;
}
