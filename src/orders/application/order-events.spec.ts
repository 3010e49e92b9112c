// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { ClassConstructor } from 'class-transformer';
import { CorrelationContext } from '../../common/correlation/correlation.context';
import { validateContract } from '../../messaging/consumer/contract.validator';
import {
  ChargePayment,
  CommitStock,
  OrderCancelled,
  OrderConfirmed,
  OrderRejected,
  RefundPayment,
  ReleaseStock,
  ReserveStock,
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
const stock = [
  { sku: 'MUG', quantity: 2 },
  { sku: 'TEE', quantity: 1 },
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Row = [string, string, OrderEvent, ClassConstructor<object>, object];

/** Sent point to point to the one module that must act. */
const commands: Row[] = [
  [
    'StockReservationRequested',
    'inventory.reserve-stock',
    { type: 'StockReservationRequested', orderId: ORDER_ID, items: stock },
    ReserveStock,
    { orderId: ORDER_ID, items: stock },
  ],
  [
    'PaymentChargeRequested',
    'billing.charge-payment',
    { type: 'PaymentChargeRequested', order, paymentToken: 'tok_visa' },
    ChargePayment,
    {
      orderId: ORDER_ID,
      customerEmail: 'a@b.co',
      items,
      amount: 4900,
      currency: 'EUR',
      paymentToken: 'tok_visa',
    },
  ],
  [
    'StockCommitRequested',
    'inventory.commit-stock',
    { type: 'StockCommitRequested', orderId: ORDER_ID },
    CommitStock,
    { orderId: ORDER_ID },
  ],
  [
    'StockReleaseRequested',
    'inventory.release-stock',
    { type: 'StockReleaseRequested', orderId: ORDER_ID, reason: 'Payment timed out' },
    ReleaseStock,
    { orderId: ORDER_ID, reason: 'Payment timed out' },
  ],
  [
    'PaymentRefundRequested',
    'billing.refund-payment',
    { type: 'PaymentRefundRequested', orderId: ORDER_ID, reason: 'Payment timed out' },
    RefundPayment,
    { orderId: ORDER_ID, reason: 'Payment timed out' },
  ],
];

/** Published to whoever listens: how the order ended, for the customer. */
const events: Row[] = [
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
    {
      orderId: ORDER_ID,
      customerEmail: 'a@b.co',
      reason: 'Not enough stock',
      shortages,
      items: order.items,
    },
  ],
  [
    'OrderCancelled',
    'order.cancelled',
    { type: 'OrderCancelled', order, reason: 'Cancelled by the customer' },
    OrderCancelled,
    { ...order, reason: 'Cancelled by the customer' },
  ],
];

function mapsTo(
  event: OrderEvent,
  type: string,
  contract: ClassConstructor<object>,
  payload: object,
) {
  const [envelope, ...more] = orderEvents(event);
  expect(more).toEqual([]);
  expect(envelope.type).toBe(type);
  expect(envelope.version).toBe(1);
  expect(envelope.payload).toStrictEqual(payload);
  expect(envelope.messageId).toMatch(UUID);
  expect(Number.isNaN(Date.parse(envelope.occurredAt))).toBe(false);
  // What a consumer checks on arrival: the payload must pass it.
  expect(() => validateContract(contract, envelope.payload, type)).not.toThrow();
  return envelope;
}

describe('orderEvents (the orders module mapper)', () => {
  it.each(commands)('maps %s to one %s command', (_, type, event, contract, payload) => {
    expect(mapsTo(event, type, contract, payload).kind).toBe('command');
  });

  it.each(events)('maps %s to one %s event', (_, type, event, contract, payload) => {
    expect(mapsTo(event, type, contract, payload).kind).toBeUndefined();
  });

  it('gives every envelope a message id of its own', () => {
    const [a] = orderEvents(events[0][2]);
    const [b] = orderEvents(events[0][2]);
    expect(a.messageId).not.toBe(b.messageId);
  });

  it('carries the correlation and cause of the flow being handled', () => {
    const [envelope] = CorrelationContext.run({ correlationId: 'c-1', causationId: 'm-0' }, () =>
      orderEvents({ type: 'StockCommitRequested', orderId: ORDER_ID }),
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
