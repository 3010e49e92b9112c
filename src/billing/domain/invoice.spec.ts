import { invoiceNumberFor } from './invoice';

describe('invoiceNumberFor', () => {
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
