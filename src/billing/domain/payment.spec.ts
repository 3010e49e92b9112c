import { Payment, PaymentIntent, invoiceNumberFor, readyToCharge } from './payment';

const intent: PaymentIntent = {
  customerEmail: 'a@b.co',
  amount: 2500,
  currency: 'EUR',
  lines: [{ sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 }],
  paymentToken: 'tok_visa',
};

const payment = (changes: Partial<Payment>): Payment => ({
  orderId: 'o-1',
  status: 'PENDING',
  intent,
  stockReserved: true,
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  updatedAt: new Date('2026-01-01T00:00:00.000Z'),
  ...changes,
});

describe('payment rules', () => {
  it('is ready to charge once it is pending, has its intent and its stock is reserved', () => {
    expect(readyToCharge(payment({}))).toBe(true);
  });

  it.each([
    ['stock is not reserved yet', { stockReserved: false }],
    ['the order (intent) has not arrived yet', { intent: undefined }],
    ['it already succeeded', { status: 'SUCCEEDED' as const }],
    ['it already failed', { status: 'FAILED' as const }],
  ])('is not ready to charge when %s', (_, changes) => {
    expect(readyToCharge(payment(changes))).toBe(false);
  });

  it('numbers invoices INV-<UTC day>-<first 12 hex digits of the order id, upper case>', () => {
    expect(
      invoiceNumberFor(
        '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8',
        new Date('2026-03-09T23:59:59.000Z'),
      ),
    ).toBe('INV-20260309-3F2A9B1C4D5E');
  });

  it('drops every dash, keeps short order ids whole and uses the UTC day, not the local one', () => {
    expect(invoiceNumberFor('ab-cd-ef', new Date('2025-12-31T23:30:00.000-02:00'))).toBe(
      'INV-20260101-ABCDEF',
    );
  });
});
