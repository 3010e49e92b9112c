import { Move, decide } from './order-process';
import { OUTCOMES, OutcomeName, SHORTAGES, STATES, StateName, DUE } from './order-process.fixtures';
import { OrderStatus, canTransition } from './order-status';

const { STOCK_RESERVED, CONFIRMED, REJECTED, CANCELLED } = OrderStatus;
const CUSTOMER = 'Cancelled by the customer';

const release = (note: string, more: Partial<Move> = {}): Move => ({
  status: CANCELLED,
  stock: 'release-requested',
  note,
  send: 'ReleaseStock',
  ...more,
});
const released: Move = { stock: 'released', note: 'Stock released: Payment timed out' };

/**
 * The whole process, spelled out: each state and the outcomes it acts on. Every pair not listed
 * here must change nothing (duplicates, late and overtaken answers, early timeouts).
 */
const TABLE: Record<StateName, Partial<Record<OutcomeName, Move>>> = {
  pending: {
    reserved: {
      status: STOCK_RESERVED,
      stock: 'reserved',
      payment: 'charge-requested',
      note: 'Stock reserved',
      send: 'ChargePayment',
      paymentDueAt: DUE,
    },
    rejected: {
      status: REJECTED,
      stock: 'rejected',
      note: 'Not enough stock',
      shortages: SHORTAGES,
    },
    cancel: { status: CANCELLED, note: CUSTOMER },
  },
  awaitingPayment: {
    paid: {
      status: CONFIRMED,
      stock: 'committed',
      payment: 'succeeded',
      note: 'Paid, invoice INV-1',
      send: 'CommitStock',
      invoiceNumber: 'INV-1',
    },
    declined: release('Payment declined: card_declined', { payment: 'failed' }),
    dueTimeout: release('Payment timed out'),
    cancel: release(CUSTOMER),
  },
  confirmed: {},
  rejected: {},
  cancelledAwaitingStock: {
    reserved: { stock: 'release-requested', note: 'Stock reserved too late', send: 'ReleaseStock' },
    rejected: { stock: 'rejected', note: 'Stock not reserved: Not enough stock' },
  },
  cancelledStockRejected: {},
  cancelledReleasing: { released },
  cancelledReleased: {},
  cancelledChargeOpen: {
    released,
    paid: {
      payment: 'refund-requested',
      note: 'Paid too late, invoice INV-1: refunding',
      send: 'RefundPayment',
    },
    declined: { payment: 'failed', note: 'Payment declined: card_declined' },
  },
  cancelledReleasedChargeOpen: {
    paid: {
      payment: 'refund-requested',
      note: 'Paid too late, invoice INV-1: refunding',
      send: 'RefundPayment',
    },
    declined: { payment: 'failed', note: 'Payment declined: card_declined' },
  },
  cancelledDeclined: {},
  cancelledRefundingReleasing: {
    released,
    refunded: { payment: 'refunded', note: 'Payment refunded: Payment timed out' },
  },
  cancelledRefunding: {
    refunded: { payment: 'refunded', note: 'Payment refunded: Payment timed out' },
  },
  cancelledRefunded: {},
};

const pairs = (Object.keys(STATES) as StateName[]).flatMap((s) =>
  (Object.keys(OUTCOMES) as OutcomeName[]).map((o) => [s, o] as const),
);

describe('The order process (decide)', () => {
  it.each(pairs)('in state %s, outcome %s makes the move the table says', (state, outcome) => {
    expect(decide(STATES[state], OUTCOMES[outcome])).toStrictEqual(TABLE[state][outcome]);
  });

  it.each(pairs)('in state %s, outcome %s moves the status only as statuses allow', (s, o) => {
    const to = decide(STATES[s], OUTCOMES[o])?.status;
    if (to) expect(canTransition(STATES[s].status, to)).toBe(true);
  });

  it('times out an open charge long after its due time, and not a millisecond before', () => {
    const late = new Date(DUE.getTime() + 3_600_000);
    expect(decide(STATES.awaitingPayment, { type: 'PaymentTimedOut', now: late })?.note).toBe(
      'Payment timed out',
    );
    expect(decide(STATES.awaitingPayment, OUTCOMES.earlyTimeout)).toBeUndefined();
  });

  it('asks for the due time the outcome brings, whatever it is', () => {
    const paymentDueAt = new Date('2030-01-01T00:00:00.000Z');
    const move = decide(STATES.pending, { type: 'StockReserved', paymentDueAt });
    expect(move?.paymentDueAt).toBe(paymentDueAt);
  });

  it('sends at most one command per move and never a second charge, commit or reservation', () => {
    const sends = pairs.map(([s, o]) => decide(STATES[s], OUTCOMES[o])?.send).filter(Boolean);
    expect(sends.filter((c) => c === 'ChargePayment')).toHaveLength(1);
    expect(sends.filter((c) => c === 'CommitStock')).toHaveLength(1);
  });
});
