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

  it('places with every given field, version 1, and creation time as its only history', () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    const items = [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }];
    const o = Order.place(
      {
        id: 'o-9',
        customerEmail: 'c@d.co',
        currency: 'USD',
        items,
        idempotencyKey: 'k',
        requestHash: 'h',
      },
      at,
    );
    expect(o.id).toBe('o-9');
    expect(o.version).toBe(1);
    expect(o.isFinal).toBe(false);
    expect(o.snapshot()).toStrictEqual({
      id: 'o-9',
      customerEmail: 'c@d.co',
      currency: 'USD',
      items,
      idempotencyKey: 'k',
      requestHash: 'h',
      status: OrderStatus.PENDING,
      history: [{ status: OrderStatus.PENDING, at }],
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
  });

  it('records no reason key for a change made without one', () => {
    const at = new Date('2026-11-23T10:00:05.000Z');
    const o = place();
    o.transition(OrderStatus.STOCK_RESERVED, '', at);
    expect(o.snapshot().history[1]).toStrictEqual({ status: OrderStatus.STOCK_RESERVED, at });
  });

  it('confirms with the invoice number in the history reason and on the order', () => {
    const at = new Date('2026-11-23T10:01:00.000Z');
    const o = place();
    o.transition(OrderStatus.STOCK_RESERVED);
    o.confirm('INV-7', at);
    const s = o.snapshot();
    expect(s.history[2]).toStrictEqual({
      status: OrderStatus.CONFIRMED,
      at,
      reason: 'Paid, invoice INV-7',
    });
    expect(s.invoiceNumber).toBe('INV-7');
    expect(s.updatedAt).toBe(at);
    expect(o.version).toBe(3);
  });

  it('refuses to confirm an order whose stock is not reserved, and keeps no invoice', () => {
    const o = place();
    expect(() => o.confirm('INV-8')).toThrow(
      new InvalidTransitionError('o-1', OrderStatus.PENDING, OrderStatus.CONFIRMED),
    );
    expect(o.snapshot().invoiceNumber).toBeUndefined();
  });

  it('notes a reason in the history without changing the status', () => {
    const at = new Date('2026-11-23T10:02:00.000Z');
    const o = place();
    o.note('Stock released: expired', at);
    const s = o.snapshot();
    expect(o.status).toBe(OrderStatus.PENDING);
    expect(s.history[1]).toStrictEqual({
      status: OrderStatus.PENDING,
      at,
      reason: 'Stock released: expired',
    });
    expect(s.updatedAt).toBe(at);
    expect(o.version).toBe(2);
  });

  it('tells which moves the state machine allows from the current status', () => {
    const o = place();
    expect(o.canMoveTo(OrderStatus.STOCK_RESERVED)).toBe(true);
    expect(o.canMoveTo(OrderStatus.CONFIRMED)).toBe(false);
  });

  it('restores from stored props without sharing their lines or history', () => {
    const props = place().snapshot();
    const o = Order.restore(props);
    props.items[0].quantity = 50;
    props.history[0].reason = 'tampered';
    props.history.push({ status: OrderStatus.CANCELLED, at: new Date() });
    expect(o.total).toBe(399);
    expect(o.snapshot().history).toStrictEqual([
      { status: OrderStatus.PENDING, at: o.snapshot().createdAt },
    ]);
    const s = o.snapshot();
    s.history[0].reason = 'tampered';
    expect(o.snapshot().history[0].reason).toBeUndefined();
  });
});
