import { OrderCancelled, OrderConfirmed, OrderRejected } from '../../messaging/contracts';
import { EmailContents, ShopIdentity } from './email-content';

const shop: ShopIdentity = { name: 'Test shop', supportEmail: 'help@shop.test' };
const ID = 'a1b2c3d4-0000-4000-8000-000000000000';

const items = [
  { sku: 'MUG-1', name: 'Mug', quantity: 3, unitPrice: 1999 },
  { sku: 'TEE-2', name: 'T-shirt', quantity: 1, unitPrice: 500 },
];

describe('EmailContents', () => {
  it('confirms an order with its lines, money in currency units and the invoice number', () => {
    const event: OrderConfirmed = {
      orderId: ID,
      customerEmail: 'ada@example.com',
      items,
      total: 6497,
      currency: 'EUR',
      invoiceNumber: 'INV-7',
    };
    expect(EmailContents.confirmed(event, shop)).toEqual({
      kind: 'order-confirmed',
      orderId: ID,
      to: 'ada@example.com',
      subject: 'Your Test shop order #A1B2C3 is confirmed',
      template: 'order-confirmed',
      context: {
        shop,
        orderId: ID,
        orderNumber: '#A1B2C3',
        title: 'Thank you for your order',
        preheader: 'Paid €64.97, on its way soon.',
        items: [
          {
            sku: 'MUG-1',
            name: 'Mug',
            quantity: 3,
            unitPrice: '€19.99',
            lineTotal: '€59.97',
          },
          {
            sku: 'TEE-2',
            name: 'T-shirt',
            quantity: 1,
            unitPrice: '€5.00',
            lineTotal: '€5.00',
          },
        ],
        total: '€64.97',
        invoiceNumber: 'INV-7',
      },
    });
  });

  it('explains a rejection in plain words and names the short products by name and SKU', () => {
    const shortages = [{ sku: 'MUG-1', requested: 3, available: 1 }];
    const event: OrderRejected = {
      orderId: ID,
      customerEmail: 'bob@example.com',
      reason: 'Out of stock: MUG-1 (requested 3, available 1)',
      shortages: [...shortages, { sku: 'OLD-1', requested: 2, available: 0 }],
      items,
    };
    expect(EmailContents.rejected(event, shop)).toEqual({
      kind: 'order-rejected',
      orderId: ID,
      to: 'bob@example.com',
      subject: 'We could not fulfil your Test shop order #A1B2C3',
      template: 'order-rejected',
      context: {
        shop,
        orderId: ID,
        orderNumber: '#A1B2C3',
        title: 'We could not fulfil your order',
        preheader: 'You have not been charged.',
        reason: 'Some items are out of stock.',
        shortages: [
          { product: 'Mug (MUG-1)', requested: 3, available: 1 },
          { product: 'OLD-1', requested: 2, available: 0 },
        ],
      },
    });
  });

  it('reports a cancellation with the reason, the lines and the total', () => {
    const event: OrderCancelled = {
      orderId: ID,
      customerEmail: 'cy@example.com',
      reason: 'Payment declined: Your card was declined.',
      items: [items[0]],
      total: 5997,
      currency: 'USD',
    };
    expect(EmailContents.cancelled(event, shop)).toEqual({
      kind: 'order-cancelled',
      orderId: ID,
      to: 'cy@example.com',
      subject: 'Your Test shop order #A1B2C3 was cancelled',
      template: 'order-cancelled',
      context: {
        shop,
        orderId: ID,
        orderNumber: '#A1B2C3',
        title: 'Your order was cancelled',
        preheader: 'Nothing has been charged.',
        reason: 'The payment did not go through: your card was declined.',
        items: [
          {
            sku: 'MUG-1',
            name: 'Mug',
            quantity: 3,
            unitPrice: '$19.99',
            lineTotal: '$59.97',
          },
        ],
        total: '$59.97',
      },
    });
  });
});
