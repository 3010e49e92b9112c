import { Payment } from './payment.entity';
import { PaymentIntent } from './payment-intent';

export const OPENED = new Date('2026-03-01T10:00:00.000Z');
export const DECIDED = new Date('2026-03-01T10:05:00.000Z');
export const REFUNDED = new Date('2026-03-01T10:09:00.000Z');

export const anIntent = (changes: Partial<PaymentIntent> = {}): PaymentIntent => ({
  customerEmail: 'ada@example.com',
  amount: 2500,
  currency: 'EUR',
  lines: [{ sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 }],
  ...changes,
});

/** Opened by its charge command, not decided yet (never stored so by the use cases). */
export function pendingPayment(orderId: string): Payment {
  return Payment.open(orderId, anIntent(), OPENED);
}

/** Charged: paymentId `ch_<orderId>`, invoiced (PAID) at `at`. */
export function paidPayment(orderId: string, at = DECIDED): Payment {
  const p = pendingPayment(orderId);
  p.succeed(`ch_${orderId}`, at);
  return p;
}

export function declinedPayment(orderId: string): Payment {
  const p = pendingPayment(orderId);
  p.decline('card_declined', 'Your card was declined.', DECIDED);
  return p;
}

/** Charged, then given back: the invoice REFUNDED, with its refund. */
export function refundedPayment(orderId: string, at = REFUNDED): Payment {
  const p = paidPayment(orderId);
  p.refund('Order cancelled', at);
  return p;
}
