import { STATES, StateName } from './order-process.fixtures';
import { ORDER_STEPS, OrderStep, stepOf } from './order-step';

const STEP: Record<StateName, OrderStep> = {
  pending: 'awaiting-stock',
  awaitingPayment: 'awaiting-payment',
  confirmed: 'done',
  rejected: 'done',
  cancelledAwaitingStock: 'releasing-stock',
  cancelledStockRejected: 'done',
  cancelledReleasing: 'releasing-stock',
  cancelledReleased: 'done',
  // A charge nobody answered owes nothing yet; it shows refunding only if it succeeds.
  cancelledChargeOpen: 'releasing-stock',
  cancelledReleasedChargeOpen: 'done',
  cancelledDeclined: 'done',
  // Money first.
  cancelledRefundingReleasing: 'refunding',
  cancelledRefunding: 'refunding',
  cancelledRefunded: 'done',
};

describe('The step an order shows', () => {
  it.each(Object.keys(STEP) as StateName[])('in state %s', (state) => {
    expect(stepOf(STATES[state])).toBe(STEP[state]);
  });

  it('lists every step, in the order a process goes through them', () => {
    expect(ORDER_STEPS).toEqual([
      'awaiting-stock',
      'awaiting-payment',
      'releasing-stock',
      'refunding',
      'done',
    ]);
  });
});
