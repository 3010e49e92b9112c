import { OrderStatus, canTransition, isFinal } from './order-status';

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
});
