import { OrderStatus, canTransition, isFinal } from './order-status';
import { Order } from './order.entity';

const { PENDING, STOCK_RESERVED, CONFIRMED, REJECTED, CANCELLED } = OrderStatus;
const ALL = Object.values(OrderStatus);

/** The whole machine, spelled out: every pair not listed here must be refused. */
const ALLOWED: Record<OrderStatus, OrderStatus[]> = {
  [PENDING]: [STOCK_RESERVED, REJECTED, CANCELLED],
  [STOCK_RESERVED]: [CONFIRMED, CANCELLED],
  [CONFIRMED]: [],
  [REJECTED]: [],
  [CANCELLED]: [],
};

describe('Order statuses', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))(
    '%s → %s is allowed exactly when the table says so',
    (from, to) => {
      expect(canTransition(from, to)).toBe(ALLOWED[from].includes(to));
    },
  );

  it.each([
    [PENDING, false],
    [STOCK_RESERVED, false],
    [CONFIRMED, true],
    [REJECTED, true],
    [CANCELLED, true],
  ])('isFinal(%s) is %s', (status, final) => {
    expect(isFinal(status)).toBe(final);
  });

  it('records each change in the history with its time and reason, and none without one', () => {
    const t0 = new Date('2026-11-23T10:00:00.000Z');
    const t1 = new Date('2026-11-23T10:00:01.000Z');
    const t2 = new Date('2026-11-23T10:00:02.000Z');
    const order = Order.place(
      {
        id: 'o-h',
        customerEmail: 'a@b.co',
        currency: 'EUR',
        items: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }],
      },
      'tok',
      t0,
    );
    order.stockReserved(undefined, t1);
    order.cancel('Customer cancelled', t2);
    expect(order.snapshot().history).toEqual([
      { status: PENDING, at: t0 },
      { status: STOCK_RESERVED, at: t1, reason: 'Stock reserved' },
      { status: CANCELLED, at: t2, reason: 'Customer cancelled' },
    ]);
    expect(order.snapshot().updatedAt).toEqual(t2);
  });
});
