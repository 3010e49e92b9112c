import { OrderEvent, OrderFacts } from './order-events';
import { Order } from './order.entity';

const items = [
  { sku: 'A', name: 'A', quantity: 2, unitPrice: 150 },
  { sku: 'B', name: 'B', quantity: 1, unitPrice: 99 },
];
const order: OrderFacts = {
  orderId: 'o-1',
  customerEmail: 'a@b.co',
  items,
  total: 399,
  currency: 'EUR',
};
const place = () =>
  Order.place({ id: 'o-1', customerEmail: 'a@b.co', currency: 'EUR', items }, 'tok_visa');

type Act = (o: Order) => unknown;
const reserve: Act = (o) => o.stockReserved(60_000);
const pay: Act = (o) => o.paymentSucceeded('INV-1');
const cancel: Act = (o) => o.cancel('Cancelled by the customer');
const timeOut: Act = (o) => o.timeOut(new Date('2999-01-01'));
/** What the order records for `act` once it went through `path` (whose events were committed). */
const recorded = (path: Act[], act: Act): readonly OrderEvent[] => {
  const o = place();
  path.forEach((p) => p(o));
  o.clearEvents();
  act(o);
  return o.events;
};
const release = (reason: string): OrderEvent => ({
  type: 'StockReleaseRequested',
  orderId: 'o-1',
  reason,
});
const cancelled = (reason: string): OrderEvent => ({ type: 'OrderCancelled', order, reason });

describe('Order: the commands and customer events it records', () => {
  it('asks inventory to reserve each line when placed, and nothing else', () => {
    expect(place().events).toStrictEqual([
      {
        type: 'StockReservationRequested',
        orderId: 'o-1',
        items: [
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 1 },
        ],
      },
    ]);
  });

  it.each<[string, Act[], Act, OrderEvent[]]>([
    [
      'reserved: charge with the token',
      [],
      reserve,
      [{ type: 'PaymentChargeRequested', order, paymentToken: 'tok_visa' }],
    ],
    [
      'paid: commit, then confirmed',
      [reserve],
      pay,
      [
        { type: 'StockCommitRequested', orderId: 'o-1' },
        { type: 'OrderConfirmed', order, invoiceNumber: 'INV-1' },
      ],
    ],
    [
      'rejected: rejected, nothing to release',
      [],
      (o) => o.stockRejected('Not enough stock', [{ sku: 'A', requested: 2, available: 1 }]),
      [
        {
          type: 'OrderRejected',
          order,
          reason: 'Not enough stock',
          shortages: [{ sku: 'A', requested: 2, available: 1 }],
        },
      ],
    ],
    [
      'declined: release, then cancelled',
      [reserve],
      (o) => o.paymentFailed('card_declined'),
      [release('Payment declined: card_declined'), cancelled('Payment declined: card_declined')],
    ],
    [
      'timed out: release, then cancelled',
      [reserve],
      timeOut,
      [release('Payment timed out'), cancelled('Payment timed out')],
    ],
    [
      'cancelled awaiting payment: release, then cancelled',
      [reserve],
      cancel,
      [release('Cancelled by the customer'), cancelled('Cancelled by the customer')],
    ],
    [
      'cancelled awaiting stock: cancelled only',
      [],
      cancel,
      [cancelled('Cancelled by the customer')],
    ],
    [
      'reserved after the cancel: release for the cancel reason',
      [cancel],
      reserve,
      [release('Cancelled by the customer')],
    ],
    [
      'paid after the timeout: refund for the timeout',
      [reserve, timeOut],
      pay,
      [{ type: 'PaymentRefundRequested', orderId: 'o-1', reason: 'Payment timed out' }],
    ],
    ['refunded: a note only', [reserve, cancel, pay], (o) => o.paymentRefunded('why'), []],
    ['released: a note only', [reserve, cancel], (o) => o.stockReleased('why'), []],
    [
      'declined after the cancel: nothing owed',
      [reserve, cancel],
      (o) => o.paymentFailed('no'),
      [],
    ],
    ['a duplicate reservation: nothing', [reserve], reserve, []],
    ['a duplicate payment: nothing', [reserve, pay], pay, []],
    ['a second late payment: nothing', [reserve, cancel, pay], pay, []],
  ])('%s', (_, path, act, expected) => {
    expect(recorded(path, act)).toStrictEqual(expected);
  });

  it('keeps events in the order they happened until clearEvents', () => {
    const o = place();
    reserve(o);
    pay(o);
    expect(o.events.map((e) => e.type)).toEqual([
      'StockReservationRequested',
      'PaymentChargeRequested',
      'StockCommitRequested',
      'OrderConfirmed',
    ]);
    o.clearEvents();
    expect(o.events).toEqual([]);
  });

  it('does not share its lines with the facts an event carries', () => {
    const o = place();
    reserve(o);
    const charge = o.events[1] as Extract<OrderEvent, { type: 'PaymentChargeRequested' }>;
    charge.order.items[0].quantity = 50;
    const reservation = o.events[0] as Extract<OrderEvent, { type: 'StockReservationRequested' }>;
    reservation.items[0].quantity = 60;
    expect(o.total).toBe(399);
    expect(o.snapshot().items[0].quantity).toBe(2);
  });

  it('records nothing on restore', () => {
    expect(Order.restore(place().snapshot()).events).toEqual([]);
  });
});
