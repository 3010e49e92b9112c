import { Outcome, PaymentLeg, ProcessState, StockLeg } from './order-process';
import { OrderStatus } from './order-status';

const { PENDING, STOCK_RESERVED, CONFIRMED, REJECTED, CANCELLED } = OrderStatus;

export const DUE = new Date('2026-11-23T10:10:00.000Z');
export const SHORTAGES = [{ sku: 'A', requested: 2, available: 1 }];

const at = (status: OrderStatus, stock: StockLeg, payment: PaymentLeg): ProcessState => ({
  status,
  stock,
  payment,
});

/** Every state the process can reach, by name. */
export const STATES = {
  pending: at(PENDING, 'requested', 'not-requested'),
  awaitingPayment: { ...at(STOCK_RESERVED, 'reserved', 'charge-requested'), paymentDueAt: DUE },
  confirmed: at(CONFIRMED, 'committed', 'succeeded'),
  rejected: at(REJECTED, 'rejected', 'not-requested'),
  cancelledAwaitingStock: at(CANCELLED, 'requested', 'not-requested'),
  cancelledStockRejected: at(CANCELLED, 'rejected', 'not-requested'),
  cancelledReleasing: at(CANCELLED, 'release-requested', 'not-requested'),
  cancelledReleased: at(CANCELLED, 'released', 'not-requested'),
  cancelledChargeOpen: at(CANCELLED, 'release-requested', 'charge-requested'),
  cancelledReleasedChargeOpen: at(CANCELLED, 'released', 'charge-requested'),
  cancelledDeclined: at(CANCELLED, 'released', 'failed'),
  cancelledRefundingReleasing: at(CANCELLED, 'release-requested', 'refund-requested'),
  cancelledRefunding: at(CANCELLED, 'released', 'refund-requested'),
  cancelledRefunded: at(CANCELLED, 'released', 'refunded'),
} satisfies Record<string, ProcessState>;
export type StateName = keyof typeof STATES;

/** Every outcome, by name; the timeouts on either side of the due time. */
export const OUTCOMES = {
  reserved: { type: 'StockReserved', paymentDueAt: DUE },
  rejected: { type: 'StockRejected', reason: 'Not enough stock', shortages: SHORTAGES },
  released: { type: 'StockReleased', reason: 'Payment timed out' },
  paid: { type: 'PaymentSucceeded', invoiceNumber: 'INV-1' },
  declined: { type: 'PaymentFailed', reason: 'card_declined' },
  refunded: { type: 'PaymentRefunded', reason: 'Payment timed out' },
  dueTimeout: { type: 'PaymentTimedOut', now: DUE },
  earlyTimeout: { type: 'PaymentTimedOut', now: new Date(DUE.getTime() - 1) },
  cancel: { type: 'CancelRequested', reason: 'Cancelled by the customer' },
} satisfies Record<string, Outcome>;
export type OutcomeName = keyof typeof OUTCOMES;
