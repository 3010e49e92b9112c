import { Invoice } from '../domain/invoice';
import { InvoiceView } from './invoice.view';

const paid: Invoice = {
  number: 'INV-20260504-3F2A9B1C4D5E',
  orderId: '3f2a9b1c-4d5e-6f70-8192-a3b4c5d6e7f8',
  customerEmail: 'ada@example.com',
  amount: 2500,
  currency: 'EUR',
  lines: [{ sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 }],
  issuedAt: new Date('2026-05-04T10:00:00.000Z'),
  status: 'PAID',
};

describe('InvoiceView', () => {
  it('shows a paid invoice with its times in ISO form and no refund', () => {
    const view = InvoiceView.of(paid);
    expect(view).toEqual({ ...paid, issuedAt: '2026-05-04T10:00:00.000Z' });
    expect('refund' in view).toBe(false);
  });

  it('shows a refunded invoice with its refund', () => {
    const refund = { amount: 2500, refundedAt: new Date('2026-05-04T10:09:00.000Z'), reason: 'x' };
    expect(InvoiceView.of({ ...paid, status: 'REFUNDED', refund })).toEqual({
      ...paid,
      issuedAt: '2026-05-04T10:00:00.000Z',
      status: 'REFUNDED',
      refund: { ...refund, refundedAt: '2026-05-04T10:09:00.000Z' },
    });
  });
});
