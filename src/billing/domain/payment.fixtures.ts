import { Payment } from './payment.entity';
import { PaymentIntent } from './payment-intent';

export const OPENED = new Date('2026-03-01T10:00:00.000Z');
export const DECIDED = new Date('2026-03-01T10:05:00.000Z');

export const anIntent = (changes: Partial<PaymentIntent> = {}): PaymentIntent => ({
  customerEmail: 'ada@example.com',
  amount: 2500,
  currency: 'EUR',
  lines: [{ sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 }],
  paymentToken: 'tok_visa',
  ...changes,
});

/** Knows its order (the intent) but not yet its reserved stock. */
export function pendingPayment(orderId: string): Payment {
  const p = Payment.open(orderId, OPENED);
  p.recordIntent(anIntent(), OPENED);
  return p;
}

/** Charged: paymentId `ch_<orderId>`, invoiced at `at`. */
export function paidPayment(orderId: string, at = DECIDED): Payment {
  const p = pendingPayment(orderId);
  p.stockReserved(at);
  p.succeed(`ch_${orderId}`, at);
  return p;
}

export function declinedPayment(orderId: string): Payment {
  const p = pendingPayment(orderId);
  p.stockReserved(DECIDED);
  p.decline('card_declined', 'Your card was declined.', DECIDED);
  return p;
}
