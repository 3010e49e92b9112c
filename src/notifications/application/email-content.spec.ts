import { OrderCancelled, OrderConfirmed, OrderRejected } from '../../messaging/contracts';
import { EmailContents } from './email-content';

const items = [
  { sku: 'MUG-1', name: 'Mug', quantity: 3, unitPrice: 1999 },
  { sku: 'TEE-2', name: 'T-shirt', quantity: 1, unitPrice: 500 },
];

describe('EmailContents', () => {
  it('confirms an order with its lines, money in currency units and the invoice number', () => {
    const event: OrderConfirmed = {
      orderId: 'o-1',
      customerEmail: 'ada@example.com',
      items,
      total: 6497,
      currency: 'EUR',
      invoiceNumber: 'INV-7',
    };
    expect(EmailContents.confirmed(event)).toEqual({
      kind: 'order-confirmed',
      orderId: 'o-1',
      to: 'ada@example.com',
      subject: 'Order o-1 confirmed',
      template: 'order-confirmed',
      context: {
        orderId: 'o-1',
        items: [
          {
            sku: 'MUG-1',
            name: 'Mug',
            quantity: 3,
            unitPrice: 'EUR 19.99',
            lineTotal: 'EUR 59.97',
          },
          {
            sku: 'TEE-2',
            name: 'T-shirt',
            quantity: 1,
            unitPrice: 'EUR 5.00',
            lineTotal: 'EUR 5.00',
          },
        ],
        total: 'EUR 64.97',
        invoiceNumber: 'INV-7',
      },
    });
  });

  it('explains a rejection with the reason and the shortages', () => {
    const shortages = [{ sku: 'MUG-1', requested: 3, available: 1 }];
    const event: OrderRejected = {
      orderId: 'o-2',
      customerEmail: 'bob@example.com',
      reason: 'out of stock',
      shortages,
    };
    expect(EmailContents.rejected(event)).toEqual({
      kind: 'order-rejected',
      orderId: 'o-2',
      to: 'bob@example.com',
      subject: 'Order o-2 could not be fulfilled',
      template: 'order-rejected',
      context: { orderId: 'o-2', reason: 'out of stock', shortages },
    });
  });

  it('reports a cancellation with the reason, the lines and the total', () => {
    const event: OrderCancelled = {
      orderId: 'o-3',
      customerEmail: 'cy@example.com',
      reason: 'payment failed',
      items: [items[0]],
      total: 5997,
      currency: 'USD',
    };
    expect(EmailContents.cancelled(event)).toEqual({
      kind: 'order-cancelled',
      orderId: 'o-3',
      to: 'cy@example.com',
      subject: 'Order o-3 cancelled',
      template: 'order-cancelled',
      context: {
        orderId: 'o-3',
        reason: 'payment failed',
        items: [
          {
            sku: 'MUG-1',
            name: 'Mug',
            quantity: 3,
            unitPrice: 'USD 19.99',
            lineTotal: 'USD 59.97',
          },
        ],
        total: 'USD 59.97',
      },
    });
  });
});
