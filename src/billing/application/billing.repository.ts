import { MessageEnvelope } from '../../messaging/envelope/message-envelope';
import { Invoice, Payment, PaymentIntent } from '../domain/payment';

export type OutgoingEvents = MessageEnvelope<object>[];

export type PaymentDecision = Pick<Payment, 'status' | 'paymentId' | 'invoice' | 'failure'>;

/**
 * Each record call is one atomic upsert that returns the payment as it stands after it, so of
 * two facts recorded concurrently exactly one caller sees both.
 */
export abstract class BillingRepository {
  abstract recordIntent(orderId: string, intent: PaymentIntent): Promise<Payment>;
  abstract recordStockReserved(orderId: string): Promise<Payment>;
  abstract findByOrderId(orderId: string): Promise<Payment | undefined>;
  /** PENDING → decided, with its events, atomically; false if already decided. */
  abstract decide(
    orderId: string,
    decision: PaymentDecision,
    events: OutgoingEvents,
  ): Promise<boolean>;
  abstract listInvoices(orderId?: string): Promise<Invoice[]>;
}
