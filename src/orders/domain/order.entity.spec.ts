import { InvalidTransitionError } from './invalid-transition.error';
import { OrderAlreadyFinalError } from './order-already-final.error';
import { OrderStatus } from './order-status';
import { Order } from './order.entity';

const place = () =>
  Order.place(
    {
      id: 'o-1',
      customerEmail: 'a@b.co',
      currency: 'EUR',
      items: [
        { sku: 'A', name: 'A', quantity: 2, unitPrice: 150 },
        { sku: 'B', name: 'B', quantity: 1, unitPrice: 99 },
      ],
    },
    'tok_visa',
  );

/** Each step an order can be walked through, by name, so tables stay readable. */
const steps = {
  reserve: (o: Order) => o.stockReserved(),
  reject: (o: Order) => o.reject('No stock', []),
  confirm: (o: Order) => o.confirm('INV-1'),
  cancel: (o: Order) => o.cancel('why'),
};
type Step = keyof typeof steps;
const walked = (...path: Step[]) => {
  const o = place();
  path.forEach((s) => steps[s](o));
  return o;
};

describe('Order state machine', () => {
  it('starts PENDING with a history entry and totals its lines in cents', () => {
    const o = place();
    expect(o.status).toBe(OrderStatus.PENDING);
    expect(o.total).toBe(399);
    expect(o.snapshot().history).toEqual([
      expect.objectContaining({ status: OrderStatus.PENDING }),
    ]);
  });

  it('walks the happy path and records every step', () => {
    const o = walked('reserve', 'confirm');
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
    [[], 'reject', OrderStatus.REJECTED, 'No stock'],
    [[], 'cancel', OrderStatus.CANCELLED, 'why'],
    [['reserve'], 'cancel', OrderStatus.CANCELLED, 'why'],
    [[], 'reserve', OrderStatus.STOCK_RESERVED, 'Stock reserved'],
  ] as Array<[Step[], Step, OrderStatus, string]>)(
    'after %j, %s moves it to %s with its reason',
    (path, step, to, reason) => {
      const o = walked(...path);
      steps[step](o);
      expect(o.status).toBe(to);
      expect(o.snapshot().history.at(-1)?.reason).toBe(reason);
    },
  );

  it.each([
    [['reject'], 'reserve'],
    [['reserve'], 'reserve'],
    [['reserve'], 'reject'],
    [['cancel'], 'confirm'],
    [['reject'], 'confirm'],
    [['reserve', 'confirm'], 'confirm'],
    [['cancel'], 'reject'],
  ] as Array<[Step[], Step]>)('refuses to leave the path: after %j, %s', (path, step) => {
    const o = walked(...path);
    const before = o.snapshot();
    expect(() => steps[step](o)).toThrow(InvalidTransitionError);
    expect(o.snapshot()).toEqual(before);
  });

  it.each([
    [['reserve', 'confirm'], OrderStatus.CONFIRMED],
    [['reject'], OrderStatus.REJECTED],
    [['cancel'], OrderStatus.CANCELLED],
  ] as Array<[Step[], OrderStatus]>)(
    'refuses to cancel an order already final after %j',
    (path, status) => {
      const o = walked(...path);
      const before = o.snapshot();
      expect(() => o.cancel('too late')).toThrow(new OrderAlreadyFinalError('o-1', status));
      expect(o.snapshot()).toEqual(before);
    },
  );

  it('places with every given field, version 1, and creation time as its only history', () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    const items = [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }];
    const o = Order.place(
      { id: 'o-9', customerEmail: 'c@d.co', currency: 'USD', items },
      'tok',
      at,
    );
    expect(o.id).toBe('o-9');
    expect(o.version).toBe(1);
    expect(o.isFinal).toBe(false);
    // Strict: no payment token, idempotency key or request hash is kept on the order.
    expect(o.snapshot()).toStrictEqual({
      id: 'o-9',
      customerEmail: 'c@d.co',
      currency: 'USD',
      items,
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
    o.stockReserved('', at);
    expect(o.snapshot().history[1]).toStrictEqual({ status: OrderStatus.STOCK_RESERVED, at });
  });

  it('confirms with the invoice number in the history reason and on the order', () => {
    const at = new Date('2026-11-23T10:01:00.000Z');
    const o = walked('reserve');
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

  it('confirms a PENDING order through STOCK_RESERVED, moving its history twice', () => {
    const at = new Date('2026-11-23T10:01:30.000Z');
    const o = place();
    o.confirm('INV-8', at);
    expect(o.status).toBe(OrderStatus.CONFIRMED);
    expect(o.snapshot().history.slice(1)).toStrictEqual([
      { status: OrderStatus.STOCK_RESERVED, at, reason: 'Stock reserved (reported by payment)' },
      { status: OrderStatus.CONFIRMED, at, reason: 'Paid, invoice INV-8' },
    ]);
    expect(o.snapshot().invoiceNumber).toBe('INV-8');
    expect(o.version).toBe(3);
  });

  it('keeps no invoice when a confirmation is refused', () => {
    const o = walked('cancel');
    expect(() => o.confirm('INV-8')).toThrow(
      new InvalidTransitionError('o-1', OrderStatus.CANCELLED, OrderStatus.CONFIRMED),
    );
    expect(o.snapshot().invoiceNumber).toBeUndefined();
  });

  it.each([[[]], [['reserve', 'confirm']], [['cancel']]] as Array<[Step[]]>)(
    'notes a stock release after %j in the history without changing the status',
    (path) => {
      const at = new Date('2026-11-23T10:02:00.000Z');
      const o = walked(...path);
      const { status, version } = o;
      o.stockReleased('expired', at);
      const s = o.snapshot();
      expect(o.status).toBe(status);
      expect(s.history.at(-1)).toStrictEqual({ status, at, reason: 'Stock released: expired' });
      expect(s.updatedAt).toBe(at);
      expect(o.version).toBe(version + 1);
    },
  );

  it('tells which moves the state machine allows from the current status', () => {
    const o = place();
    expect(o.canMoveTo(OrderStatus.STOCK_RESERVED)).toBe(true);
    expect(o.canMoveTo(OrderStatus.CONFIRMED)).toBe(false);
  });
});
