import { OrderStatus } from './order-status';
import { Shortage } from './order-events';

const { PENDING, STOCK_RESERVED, CONFIRMED, REJECTED, CANCELLED } = OrderStatus;

/** Where the order's stock stands with inventory. */
export type StockLeg =
  'requested' | 'reserved' | 'rejected' | 'release-requested' | 'released' | 'committed';

/** Where the order's money stands with billing. */
export type PaymentLeg =
  'not-requested' | 'charge-requested' | 'succeeded' | 'failed' | 'refund-requested' | 'refunded';

/** What the process decides on: the status plus what each module was asked and answered. */
export interface ProcessState {
  status: OrderStatus;
  stock: StockLeg;
  payment: PaymentLeg;
  /** Set only while STOCK_RESERVED: when an unsettled charge gives the order up. */
  paymentDueAt?: Date;
}

/** Everything that can happen to a placed order: each module's answer, the clock, the customer. */
export type Outcome =
  | { type: 'StockReserved'; paymentDueAt: Date }
  | { type: 'StockRejected'; reason: string; shortages: Shortage[] }
  | { type: 'StockReleased'; reason: string }
  | { type: 'PaymentSucceeded'; invoiceNumber: string }
  | { type: 'PaymentFailed'; reason: string }
  | { type: 'PaymentRefunded'; reason: string }
  | { type: 'PaymentTimedOut'; now: Date }
  | { type: 'CancelRequested'; reason: string };

/** The command a move sends; at most one per move. */
export type ProcessCommand = 'ChargePayment' | 'CommitStock' | 'ReleaseStock' | 'RefundPayment';

/** What an outcome changes. Absent legs stay; a new status also replaces paymentDueAt. */
export interface Move {
  status?: OrderStatus;
  stock?: StockLeg;
  payment?: PaymentLeg;
  /** The history line. */
  note: string;
  send?: ProcessCommand;
  paymentDueAt?: Date;
  invoiceNumber?: string;
  shortages?: Shortage[];
}

/** Gives up the order while its charge is open: the stock goes back, the charge stays watched. */
const giveUp = (note: string): Move => ({
  status: CANCELLED,
  stock: 'release-requested',
  note,
  send: 'ReleaseStock',
});

/**
 * The whole process in one place. Each answer is acted on only in the one state that awaits it
 * (stock 'requested', payment 'charge-requested', a release or refund requested), so a duplicate
 * or an answer overtaken by a later decision finds its leg moved on and changes nothing (undefined).
 * A cancelled order still finishes what it started: stock reserved late is released, a charge
 * that succeeds late is refunded, one that fails needs nothing.
 */
export function decide(s: ProcessState, o: Outcome): Move | undefined {
  const open = s.status === PENDING;
  switch (o.type) {
    case 'StockReserved':
      if (s.stock !== 'requested') return undefined;
      if (open)
        return {
          status: STOCK_RESERVED,
          stock: 'reserved',
          payment: 'charge-requested',
          note: 'Stock reserved',
          send: 'ChargePayment',
          paymentDueAt: o.paymentDueAt,
        };
      return { stock: 'release-requested', note: 'Stock reserved too late', send: 'ReleaseStock' };
    case 'StockRejected':
      if (s.stock !== 'requested') return undefined;
      if (open)
        return { status: REJECTED, stock: 'rejected', note: o.reason, shortages: o.shortages };
      return { stock: 'rejected', note: `Stock not reserved: ${o.reason}` };
    case 'StockReleased':
      if (s.stock !== 'release-requested') return undefined;
      return { stock: 'released', note: `Stock released: ${o.reason}` };
    case 'PaymentSucceeded':
      if (s.payment !== 'charge-requested') return undefined;
      if (s.status === STOCK_RESERVED)
        return {
          status: CONFIRMED,
          stock: 'committed',
          payment: 'succeeded',
          note: `Paid, invoice ${o.invoiceNumber}`,
          send: 'CommitStock',
          invoiceNumber: o.invoiceNumber,
        };
      return {
        payment: 'refund-requested',
        note: `Paid too late, invoice ${o.invoiceNumber}: refunding`,
        send: 'RefundPayment',
      };
    case 'PaymentFailed':
      if (s.payment !== 'charge-requested') return undefined;
      if (s.status === STOCK_RESERVED)
        return { ...giveUp(`Payment declined: ${o.reason}`), payment: 'failed' };
      return { payment: 'failed', note: `Payment declined: ${o.reason}` };
    case 'PaymentRefunded':
      if (s.payment !== 'refund-requested') return undefined;
      return { payment: 'refunded', note: `Payment refunded: ${o.reason}` };
    case 'PaymentTimedOut':
      if (s.status !== STOCK_RESERVED || s.paymentDueAt! > o.now) return undefined;
      return giveUp('Payment timed out');
    case 'CancelRequested':
      if (open) return { status: CANCELLED, note: o.reason };
      if (s.status === STOCK_RESERVED) return giveUp(o.reason);
      return undefined;
  }
}
