import { billingEvents } from './billing-events';

const ORDER_ID = '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8';
const LINES = [{ sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 }];

describe('billingEvents', () => {
  it('announces a success as payment.succeeded, with the invoice as the contract has it', () => {
    const [envelope, ...rest] = billingEvents({
      type: 'PaymentSucceeded',
      orderId: ORDER_ID,
      paymentId: 'ch_1',
      invoice: {
        number: 'INV-20260504-3F2A9B1C4D5E',
        orderId: ORDER_ID,
        customerEmail: 'ada@example.com',
        amount: 2500,
        currency: 'EUR',
        lines: LINES,
        issuedAt: new Date('2026-05-04T10:00:00.000Z'),
        status: 'PAID',
      },
    });
    expect(rest).toEqual([]);
    expect(envelope).toMatchObject({ type: 'payment.succeeded', version: 1 });
    expect(envelope.payload).toEqual({
      orderId: ORDER_ID,
      paymentId: 'ch_1',
      invoice: { number: 'INV-20260504-3F2A9B1C4D5E', amount: 2500, currency: 'EUR', lines: LINES },
    });
  });

  it('announces a decline as payment.failed, with its code and reason', () => {
    const envelopes = billingEvents({
      type: 'PaymentFailed',
      orderId: ORDER_ID,
      code: 'card_declined',
      reason: 'No.',
    });
    expect(envelopes).toHaveLength(1);
    expect(envelopes[0]).toMatchObject({ type: 'payment.failed', version: 1 });
    expect(envelopes[0].payload).toEqual({
      orderId: ORDER_ID,
      code: 'card_declined',
      reason: 'No.',
    });
  });

  it('announces a refund as payment.refunded, its time in ISO form', () => {
    const envelopes = billingEvents({
      type: 'PaymentRefunded',
      orderId: ORDER_ID,
      paymentId: 'ch_1',
      invoiceNumber: 'INV-20260504-3F2A9B1C4D5E',
      amount: 2500,
      currency: 'EUR',
      reason: 'Payment timed out',
      refundedAt: new Date('2026-05-04T10:10:00.000Z'),
    });
    expect(envelopes).toHaveLength(1);
    expect(envelopes[0]).toMatchObject({ type: 'payment.refunded', version: 1 });
    expect(envelopes[0].payload).toEqual({
      orderId: ORDER_ID,
      paymentId: 'ch_1',
      invoiceNumber: 'INV-20260504-3F2A9B1C4D5E',
      amount: 2500,
      currency: 'EUR',
      reason: 'Payment timed out',
      refundedAt: '2026-05-04T10:10:00.000Z',
    });
  });
});
