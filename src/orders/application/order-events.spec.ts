// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { ClassConstructor } from 'class-transformer';
import { CorrelationContext } from '../../common/correlation/correlation.context';
import { validateContract } from '../../messaging/consumer/contract.validator';
import {
  OrderCancelled,
  OrderConfirmed,
  OrderPlaced,
  OrderRejected,
} from '../../messaging/contracts';
import { OrderEvent, OrderFacts } from '../domain/order-events';
import { orderEvents } from './order-events';

const ORDER_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const items = [
  { sku: 'MUG', name: 'Mug', quantity: 2, unitPrice: 1250 },
  { sku: 'TEE', name: 'Tee', quantity: 1, unitPrice: 2400 },
];
const order: OrderFacts = {
  orderId: ORDER_ID,
  customerEmail: 'a@b.co',
  items,
  total: 4900,
  currency: 'EUR',
};
const shortages = [{ sku: 'MUG', requested: 2, available: 1 }];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const announced: Array<[string, string, OrderEvent, ClassConstructor<object>, object]> = [
  [
    'OrderPlaced',
    'order.placed',
    { type: 'OrderPlaced', order, paymentToken: 'tok_visa' },
    OrderPlaced,
    { ...order, paymentToken: 'tok_visa' },
  ],
  [
    'OrderConfirmed',
    'order.confirmed',
    { type: 'OrderConfirmed', order, invoiceNumber: 'INV-1' },
    OrderConfirmed,
    { ...order, invoiceNumber: 'INV-1' },
  ],
  [
    'OrderRejected',
    'order.rejected',
    { type: 'OrderRejected', order, reason: 'Not enough stock', shortages },
    OrderRejected,
    { orderId: ORDER_ID, customerEmail: 'a@b.co', reason: 'Not enough stock', shortages },
  ],
  [
    'OrderCancelled',
    'order.cancelled',
    { type: 'OrderCancelled', order, reason: 'Cancelled by the customer' },
    OrderCancelled,
    { ...order, reason: 'Cancelled by the customer' },
  ],
];

describe('orderEvents (the orders module mapper)', () => {
  it.each(announced)('maps %s to one %s envelope', (_, type, event, contract, payload) => {
    const [envelope, ...more] = orderEvents(event);
    expect(more).toEqual([]);
    expect(envelope.type).toBe(type);
    expect(envelope.version).toBe(1);
    expect(envelope.payload).toStrictEqual(payload);
    expect(envelope.messageId).toMatch(UUID);
    expect(Number.isNaN(Date.parse(envelope.occurredAt))).toBe(false);
    // What a consumer checks on arrival: the payload must pass it.
    expect(() => validateContract(contract, envelope.payload, type)).not.toThrow();
  });

  it.each([
    ['OrderStockReserved', { type: 'OrderStockReserved', orderId: ORDER_ID }],
    ['OrderStockReleased', { type: 'OrderStockReleased', orderId: ORDER_ID, reason: 'expired' }],
  ] as Array<[string, OrderEvent]>)('announces nothing for the internal step %s', (_, event) => {
    expect(orderEvents(event)).toEqual([]);
  });

  it('gives every envelope a message id of its own', () => {
    const [a] = orderEvents(announced[0][2]);
    const [b] = orderEvents(announced[0][2]);
    expect(a.messageId).not.toBe(b.messageId);
  });

  it('carries the correlation and cause of the flow being handled', () => {
    const [envelope] = CorrelationContext.run({ correlationId: 'c-1', causationId: 'm-0' }, () =>
      orderEvents({ type: 'OrderCancelled', order, reason: 'why' }),
    );
    expect(envelope.correlationId).toBe('c-1');
    expect(envelope.causationId).toBe('m-0');
  });

  it('starts a new correlation, with no cause, outside any flow', () => {
    const [envelope] = orderEvents({ type: 'OrderCancelled', order, reason: 'why' });
    expect(envelope.correlationId).toMatch(UUID);
    expect(envelope.causationId).toBeUndefined();
  });
});
