import { Payment } from './payment.entity';
import {
  DECIDED,
  REFUNDED,
  declinedPayment,
  paidPayment,
  pendingPayment,
} from './payment.fixtures';

const ORDER_ID = '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8';

/** Loaded from the store, so that what a refund changes is measured against a saved state. */
const reloaded = (p: Payment): Payment => Payment.restore(p.snapshot());

describe('Payment refunds', () => {
  it('gives a succeeded charge back: REFUNDED, a credit on the invoice, and records it', () => {
    const paid = reloaded(paidPayment(ORDER_ID));
    const before = paid.snapshot();
    paid.refund('Payment timed out', REFUNDED);

    expect(paid.snapshot()).toEqual({
      ...before,
      status: 'REFUNDED',
      invoice: {
        ...before.invoice,
        status: 'REFUNDED',
        refund: { amount: 2500, refundedAt: REFUNDED, reason: 'Payment timed out' },
      },
      updatedAt: REFUNDED,
      version: before.version + 1,
    });
    expect([paid.status, paid.refundable, paid.paymentId]).toEqual([
      'REFUNDED',
      false,
      `ch_${ORDER_ID}`,
    ]);
    expect(paid.events).toEqual([
      {
        type: 'PaymentRefunded',
        orderId: ORDER_ID,
        paymentId: `ch_${ORDER_ID}`,
        invoiceNumber: before.invoice!.number,
        amount: 2500,
        currency: 'EUR',
        reason: 'Payment timed out',
        refundedAt: REFUNDED,
      },
    ]);
  });

  it('refunds once: a repeat changes nothing and records nothing', () => {
    const p = reloaded(paidPayment(ORDER_ID));
    p.refund('Cancelled by the customer', REFUNDED);
    const once = p.snapshot();
    p.refund('Again', new Date(REFUNDED.getTime() + 1000));
    expect(p.snapshot()).toEqual(once);
    expect(p.events).toHaveLength(1);

    const stored = reloaded(p);
    stored.refund('Redelivered', DECIDED);
    expect(stored.snapshot()).toEqual(once);
    expect(stored.events).toEqual([]);
  });

  it.each([
    ['declined (no money was taken)', () => reloaded(declinedPayment(ORDER_ID))],
    ['not decided yet', () => pendingPayment(ORDER_ID)],
  ])('does nothing for a payment %s', (_, make) => {
    const p = make();
    const before = p.snapshot();
    p.refund('Cancelled', REFUNDED);
    expect(p.snapshot()).toEqual(before);
    expect(p.events).toEqual([]);
  });
});
