import { ProcessState } from './order-process';
import { OrderStatus } from './order-status';

/** What the order is waiting for, as GET /orders/:id shows it. */
export type OrderStep =
  'awaiting-stock' | 'awaiting-payment' | 'releasing-stock' | 'refunding' | 'done';

export const ORDER_STEPS: readonly OrderStep[] = [
  'awaiting-stock',
  'awaiting-payment',
  'releasing-stock',
  'refunding',
  'done',
];

/**
 * A closed order may still be giving something back. Money first: a refund outstanding shows
 * over a release. A cancelled order whose reservation is still unanswered counts as releasing
 * (whatever inventory holds for it will be released); one whose charge is still unanswered
 * counts as done, since nothing is owed unless that charge succeeds, and then it shows refunding.
 */
export function stepOf(s: ProcessState): OrderStep {
  if (s.status === OrderStatus.PENDING) return 'awaiting-stock';
  if (s.status === OrderStatus.STOCK_RESERVED) return 'awaiting-payment';
  if (s.payment === 'refund-requested') return 'refunding';
  if (s.stock === 'requested' || s.stock === 'release-requested') return 'releasing-stock';
  return 'done';
}
