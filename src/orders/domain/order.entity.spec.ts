import { OrderAlreadyFinalError } from './order-already-final.error';
import { OrderStatus } from './order-status';
import { Order, OrderProps } from './order.entity';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const T1 = new Date('2026-11-23T10:00:01.000Z');
const T2 = new Date('2026-11-23T10:00:02.000Z');
const items = [
  { sku: 'A', name: 'A', quantity: 2, unitPrice: 150 },
  { sku: 'B', name: 'B', quantity: 1, unitPrice: 99 },
];
const place = () =>
  Order.place({ id: 'o-1', customerEmail: 'a@b.co', currency: 'EUR', items }, 'tok_visa', T0);
const reserved = () => {
  const o = place();
  o.stockReserved(60_000, T1);
  return o;
};
const cancelledWhileAwaitingPayment = () => {
  const o = reserved();
  o.cancel('Cancelled by the customer', T2);
  return o;
};
const last = (o: Order) => o.snapshot().history.at(-1);

describe('Order: its process state', () => {
  it('places PENDING, stock requested, the token kept, version 1, with one history line', () => {
    const o = place();
    expect(o.snapshot()).toStrictEqual<OrderProps>({
      id: 'o-1',
      customerEmail: 'a@b.co',
      currency: 'EUR',
      items,
      status: OrderStatus.PENDING,
      stock: 'requested',
      payment: 'not-requested',
      paymentToken: 'tok_visa',
      history: [{ status: OrderStatus.PENDING, at: T0 }],
      createdAt: T0,
      updatedAt: T0,
      version: 1,
    });
    expect([o.id, o.version, o.total, o.isFinal, o.step]).toEqual([
      'o-1',
      1,
      399,
      false,
      'awaiting-stock',
    ]);
  });

  it('on reservation asks for the charge: due time set, token gone, history and version moved', () => {
    const o = reserved();
    const s = o.snapshot();
    expect(s).toMatchObject({ status: 'STOCK_RESERVED', stock: 'reserved' });
    expect(s.payment).toBe('charge-requested');
    expect(s.paymentDueAt).toEqual(new Date(T1.getTime() + 60_000));
    expect('paymentToken' in s).toBe(false);
    expect(s.history[1]).toStrictEqual({
      status: 'STOCK_RESERVED',
      at: T1,
      reason: 'Stock reserved',
    });
    expect([s.updatedAt, o.version, o.step]).toEqual([T1, 2, 'awaiting-payment']);
  });

  it('confirms on payment: invoice kept, stock committed, due time cleared', () => {
    const o = reserved();
    expect(o.paymentSucceeded('INV-7', T2)).toBe(true);
    const s = o.snapshot();
    expect(s).toMatchObject({ status: 'CONFIRMED', stock: 'committed', payment: 'succeeded' });
    expect(s.invoiceNumber).toBe('INV-7');
    expect('paymentDueAt' in s).toBe(false);
    expect(last(o)).toStrictEqual({ status: 'CONFIRMED', at: T2, reason: 'Paid, invoice INV-7' });
    expect([o.isFinal, o.step, o.version]).toEqual([true, 'done', 3]);
  });

  it('rejects on a stock refusal and drops the token it will never use', () => {
    const o = place();
    expect(o.stockRejected('Not enough stock', [], T1)).toBe(true);
    const s = o.snapshot();
    expect(s).toMatchObject({ status: 'REJECTED', stock: 'rejected', payment: 'not-requested' });
    expect('paymentToken' in s).toBe(false);
    expect(last(o)).toStrictEqual({ status: 'REJECTED', at: T1, reason: 'Not enough stock' });
  });

  it('cancels a pending order at once, still awaiting the reservation it must release', () => {
    const o = place();
    o.cancel('Cancelled by the customer', T1);
    const s = o.snapshot();
    expect(s).toMatchObject({ status: 'CANCELLED', stock: 'requested', payment: 'not-requested' });
    expect('paymentToken' in s).toBe(false);
    expect([o.isFinal, o.step]).toEqual([true, 'releasing-stock']);
  });

  it.each([
    [
      'cancel',
      (o: Order) => o.cancel('Cancelled by the customer', T2),
      'Cancelled by the customer',
    ],
    ['time out', (o: Order) => o.timeOut(new Date(T1.getTime() + 60_000)), 'Payment timed out'],
  ])(
    'on %s while the charge is open: releasing, charge still watched, due cleared',
    (_, act, why) => {
      const o = reserved();
      act(o);
      const s = o.snapshot();
      expect(s).toMatchObject({ status: 'CANCELLED', stock: 'release-requested' });
      expect(s.payment).toBe('charge-requested');
      expect('paymentDueAt' in s).toBe(false);
      expect(last(o)?.reason).toBe(why);
    },
  );

  it('does not time out a millisecond before the due time', () => {
    const o = reserved();
    expect(o.timeOut(new Date(T1.getTime() + 59_999))).toBe(false);
    expect(o.status).toBe('STOCK_RESERVED');
  });

  it('cancels on a declined payment, releasing the stock', () => {
    const o = reserved();
    expect(o.paymentFailed('card_declined', T2)).toBe(true);
    expect(o.snapshot()).toMatchObject({ stock: 'release-requested', payment: 'failed' });
    expect(last(o)).toStrictEqual({
      status: 'CANCELLED',
      at: T2,
      reason: 'Payment declined: card_declined',
    });
  });

  it('notes a late charge, its refund and the release under the CANCELLED status', () => {
    const o = cancelledWhileAwaitingPayment();
    const t = (s: number) => new Date(T2.getTime() + s * 1000);
    expect(o.paymentSucceeded('INV-9', t(1))).toBe(true);
    expect(o.step).toBe('refunding');
    expect(o.paymentRefunded('Cancelled by the customer', t(2))).toBe(true);
    expect(o.stockReleased('Cancelled by the customer', t(3))).toBe(true);
    const s = o.snapshot();
    expect(s.history.slice(3)).toStrictEqual([
      { status: 'CANCELLED', at: t(1), reason: 'Paid too late, invoice INV-9: refunding' },
      { status: 'CANCELLED', at: t(2), reason: 'Payment refunded: Cancelled by the customer' },
      { status: 'CANCELLED', at: t(3), reason: 'Stock released: Cancelled by the customer' },
    ]);
    expect(s).toMatchObject({ status: 'CANCELLED', stock: 'released', payment: 'refunded' });
    expect('invoiceNumber' in s).toBe(false);
    expect([s.updatedAt, o.version, o.step]).toEqual([t(3), 6, 'done']);
  });

  it('ignores what changes nothing, returning false and keeping every field', () => {
    const o = reserved();
    const before = o.snapshot();
    expect(o.stockReserved(1, T2)).toBe(false);
    expect(o.stockRejected('late', [], T2)).toBe(false);
    expect(o.stockReleased('nothing held', T2)).toBe(false);
    expect(o.paymentRefunded('nothing charged', T2)).toBe(false);
    expect(o.snapshot()).toStrictEqual(before);
  });

  it.each([
    ['CONFIRMED', (o: Order) => o.paymentSucceeded('INV-1')],
    ['REJECTED', (o: Order) => o.stockRejected('none', [])],
    ['CANCELLED', (o: Order) => o.cancel('first')],
  ])('refuses to cancel an order already %s, changing nothing', (status, end) => {
    const o = status === 'REJECTED' ? place() : reserved();
    end(o);
    const before = o.snapshot();
    expect(() => o.cancel('too late')).toThrow(
      new OrderAlreadyFinalError('o-1', status as OrderStatus),
    );
    expect(o.snapshot()).toStrictEqual(before);
  });

  it('stamps changes with the current time when given none', () => {
    const o = place();
    const before = Date.now();
    o.stockReserved(1000);
    const at = o.snapshot().updatedAt.getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(o.snapshot().paymentDueAt!.getTime()).toBe(at + 1000);
  });
});
