import { InvalidTransitionError } from './invalid-transition.error';
import { OrderStatus } from './order-status';
import { Order } from './order.entity';

const place = () =>
  Order.place({
    id: 'o-1',
    customerEmail: 'a@b.co',
    currency: 'EUR',
    items: [
      { sku: 'A', name: 'A', quantity: 2, unitPrice: 150 },
      { sku: 'B', name: 'B', quantity: 1, unitPrice: 99 },
    ],
  });

describe('Order state machine', () => {
  it('starts PENDING with a history entry and totals its lines in cents', () => {
    const o = place();
    expect(o.status).toBe(OrderStatus.PENDING);
    expect(o.total).toBe(399);
    expect(o.snapshot().history).toEqual([
      expect.objectContaining({ status: OrderStatus.PENDING }),
    ]);
  });

  it('walks the happy path and records every step with its reason', () => {
    const o = place();
    o.transition(OrderStatus.STOCK_RESERVED, 'Stock reserved');
    o.confirm('INV-1');
    expect(o.status).toBe(OrderStatus.CONFIRMED);
    expect(o.snapshot().invoiceNumber).toBe('INV-1');
    expect(o.snapshot().history.map((h) => h.status)).toEqual([
      'PENDING',
      'STOCK_RESERVED',
      'CONFIRMED',
    ]);
    expect(o.isFinal).toBe(true);
  });

  it.each([
    [OrderStatus.PENDING, OrderStatus.REJECTED],
    [OrderStatus.PENDING, OrderStatus.CANCELLED],
    [OrderStatus.STOCK_RESERVED, OrderStatus.CANCELLED],
  ])('allows %s → %s', (from, to) => {
    const o = place();
    if (from === OrderStatus.STOCK_RESERVED) o.transition(from);
    o.transition(to, 'why');
    expect(o.status).toBe(to);
    expect(o.snapshot().history.at(-1)?.reason).toBe('why');
  });

  it.each([
    [[], OrderStatus.CONFIRMED],
    [[OrderStatus.REJECTED], OrderStatus.STOCK_RESERVED],
    [[OrderStatus.STOCK_RESERVED, OrderStatus.CONFIRMED], OrderStatus.CANCELLED],
    [[OrderStatus.CANCELLED], OrderStatus.CONFIRMED],
    [[OrderStatus.STOCK_RESERVED], OrderStatus.REJECTED],
  ])('refuses to leave the path: after %j, → %s', (steps, to) => {
    const o = place();
    steps.forEach((s) => o.transition(s));
    const before = o.snapshot();
    expect(() => o.transition(to)).toThrow(InvalidTransitionError);
    expect(o.snapshot()).toEqual(before);
  });

  it('bumps the version on every change, so stale writers can be detected', () => {
    const o = place();
    const v = o.version;
    o.transition(OrderStatus.STOCK_RESERVED);
    o.note('Stock released');
    expect(o.version).toBe(v + 2);
  });

  it('hands out copies: changing a snapshot does not change the order', () => {
    const o = place();
    o.snapshot().items[0].quantity = 99;
    expect(o.total).toBe(399);
  });
});
