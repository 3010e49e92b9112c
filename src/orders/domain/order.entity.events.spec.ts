import { OrderAlreadyFinalError } from './order-already-final.error';
import { OrderEvent, OrderFacts } from './order-events';
import { Order } from './order.entity';
import { InvalidTransitionError } from './invalid-transition.error';

const items = [
  { sku: 'A', name: 'A', quantity: 2, unitPrice: 150 },
  { sku: 'B', name: 'B', quantity: 1, unitPrice: 99 },
];
const facts: OrderFacts = {
  orderId: 'o-1',
  customerEmail: 'a@b.co',
  items,
  total: 399,
  currency: 'EUR',
};
const place = () =>
  Order.place({ id: 'o-1', customerEmail: 'a@b.co', currency: 'EUR', items }, 'tok_visa');
/** A placed order whose OrderPlaced was already committed, so only the next step shows. */
const fresh = (...prepare: Array<(o: Order) => void>) => {
  const o = place();
  prepare.forEach((p) => p(o));
  o.clearEvents();
  return o;
};
const reserve = (o: Order) => o.stockReserved();

describe('Order: the events it records', () => {
  it('records OrderPlaced with the order facts and the payment token', () => {
    expect(place().events).toStrictEqual([
      { type: 'OrderPlaced', order: facts, paymentToken: 'tok_visa' },
    ]);
  });

  it('records OrderStockReserved with the order id only', () => {
    const o = fresh();
    o.stockReserved();
    expect(o.events).toStrictEqual([{ type: 'OrderStockReserved', orderId: 'o-1' }]);
  });

  it('records OrderRejected with the facts, reason and shortages', () => {
    const o = fresh();
    const shortages = [{ sku: 'A', requested: 2, available: 1 }];
    o.reject('Not enough stock', shortages);
    expect(o.events).toStrictEqual([
      { type: 'OrderRejected', order: facts, reason: 'Not enough stock', shortages },
    ]);
  });

  it('records OrderConfirmed with the facts and the invoice number', () => {
    const o = fresh(reserve);
    o.confirm('INV-1');
    expect(o.events).toStrictEqual([
      { type: 'OrderConfirmed', order: facts, invoiceNumber: 'INV-1' },
    ]);
  });

  it('confirming a PENDING order records OrderStockReserved, then OrderConfirmed', () => {
    const o = fresh();
    o.confirm('INV-2');
    expect(o.events).toStrictEqual([
      { type: 'OrderStockReserved', orderId: 'o-1' },
      { type: 'OrderConfirmed', order: facts, invoiceNumber: 'INV-2' },
    ]);
  });

  it.each([[[]], [[reserve]]])('records OrderCancelled with the facts and reason (%#)', (prep) => {
    const o = fresh(...prep);
    o.cancel('Cancelled by the customer');
    expect(o.events).toStrictEqual([
      { type: 'OrderCancelled', order: facts, reason: 'Cancelled by the customer' },
    ]);
  });

  it('records OrderStockReleased with the reason as given', () => {
    const o = fresh();
    o.stockReleased('expired');
    expect(o.events).toStrictEqual([
      { type: 'OrderStockReleased', orderId: 'o-1', reason: 'expired' },
    ]);
  });

  it('records nothing for a refused step', () => {
    const o = fresh((x) => x.cancel('why'));
    expect(() => o.cancel('again')).toThrow(OrderAlreadyFinalError);
    expect(() => o.stockReserved()).toThrow(InvalidTransitionError);
    expect(() => o.confirm('INV-3')).toThrow(InvalidTransitionError);
    expect(() => o.reject('late', [])).toThrow(InvalidTransitionError);
    expect(o.events).toEqual([]);
  });

  it('keeps events in the order they happened until clearEvents, then starts afresh', () => {
    const o = place();
    o.stockReserved();
    o.stockReleased('expired');
    expect(o.events.map((e) => e.type)).toEqual([
      'OrderPlaced',
      'OrderStockReserved',
      'OrderStockReleased',
    ]);
    o.clearEvents();
    expect(o.events).toEqual([]);
    o.cancel('why');
    expect(o.events.map((e) => e.type)).toEqual(['OrderCancelled']);
  });

  it('does not share its lines with the facts an event carries', () => {
    const o = place();
    const placed = o.events[0] as Extract<OrderEvent, { type: 'OrderPlaced' }>;
    placed.order.items[0].quantity = 50;
    expect(o.total).toBe(399);
    expect(o.snapshot().items[0].quantity).toBe(2);
  });

  it('records nothing on restore', () => {
    expect(Order.restore(place().snapshot()).events).toEqual([]);
  });
});
