import { VersionedAggregateRoot } from '../../common/domain/versioned-aggregate-root';
import { OrderAlreadyFinalError } from './order-already-final.error';
import { OrderEvent, OrderFacts, Shortage } from './order-events';
import { OrderLine } from './order-line';
import { Move, Outcome, PaymentLeg, StockLeg, decide } from './order-process';
import { OrderStep, stepOf } from './order-step';
import { OrderStatus, isFinal } from './order-status';

export interface StatusChange {
  status: OrderStatus;
  at: Date;
  reason?: string;
}

export interface OrderProps {
  id: string;
  customerEmail: string;
  items: OrderLine[];
  currency: string;
  status: OrderStatus;
  stock: StockLeg;
  payment: PaymentLeg;
  /** While STOCK_RESERVED: when the open charge gives the order up (the poller looks for it). */
  paymentDueAt?: Date;
  /** Kept only while PENDING: it leaves with the charge command, or with the order's end. */
  paymentToken?: string;
  history: StatusChange[];
  createdAt: Date;
  updatedAt: Date;
  /** Bumped on every change; the repository saves only over version - 1 (no lost updates). */
  version: number;
  invoiceNumber?: string;
}

export type NewOrder = Pick<OrderProps, 'id' | 'customerEmail' | 'items' | 'currency'>;

/**
 * The order and its process: what it asked of inventory and billing and what they answered.
 * Each answer goes through decide() (order-process.ts); the order records the commands and the
 * customer event the move calls for, and an answer that changes nothing is ignored (false).
 */
export class Order extends VersionedAggregateRoot<OrderEvent> {
  private constructor(
    private props: OrderProps,
    persisted: boolean,
  ) {
    super(persisted ? props.version : 0);
  }

  static place(input: NewOrder, paymentToken: string, now = new Date()): Order {
    const order = new Order(
      {
        ...input,
        status: OrderStatus.PENDING,
        stock: 'requested',
        payment: 'not-requested',
        paymentToken,
        history: [{ status: OrderStatus.PENDING, at: now }],
        createdAt: now,
        updatedAt: now,
        version: 1,
      },
      false,
    );
    const items = input.items.map(({ sku, quantity }) => ({ sku, quantity }));
    order.record({ type: 'StockReservationRequested', orderId: order.id, items });
    return order;
  }

  static restore(props: OrderProps): Order {
    return new Order(copy(props), true);
  }

  get id(): string {
    return this.props.id;
  }
  get status(): OrderStatus {
    return this.props.status;
  }
  get version(): number {
    return this.props.version;
  }
  get total(): number {
    return this.props.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  }
  get isFinal(): boolean {
    return isFinal(this.props.status);
  }
  get step(): OrderStep {
    return stepOf(this.props);
  }

  stockReserved(paymentTimeoutMs: number, now = new Date()): boolean {
    const paymentDueAt = new Date(now.getTime() + paymentTimeoutMs);
    return this.apply({ type: 'StockReserved', paymentDueAt }, now);
  }
  stockRejected(reason: string, shortages: Shortage[], now = new Date()): boolean {
    return this.apply({ type: 'StockRejected', reason, shortages }, now);
  }
  stockReleased(reason: string, now = new Date()): boolean {
    return this.apply({ type: 'StockReleased', reason }, now);
  }
  paymentSucceeded(invoiceNumber: string, now = new Date()): boolean {
    return this.apply({ type: 'PaymentSucceeded', invoiceNumber }, now);
  }
  paymentFailed(reason: string, now = new Date()): boolean {
    return this.apply({ type: 'PaymentFailed', reason }, now);
  }
  paymentRefunded(reason: string, now = new Date()): boolean {
    return this.apply({ type: 'PaymentRefunded', reason }, now);
  }
  /** By the poller: only an order whose charge is still open at its due time is given up. */
  timeOut(now = new Date()): boolean {
    return this.apply({ type: 'PaymentTimedOut', now }, now);
  }

  /** By the customer, at any step before the order is final; refused after. */
  cancel(reason: string, now = new Date()): void {
    if (!this.apply({ type: 'CancelRequested', reason }, now))
      throw new OrderAlreadyFinalError(this.id, this.status);
  }

  snapshot(): OrderProps {
    return copy(this.props);
  }

  private apply(outcome: Outcome, now: Date): boolean {
    const move = decide(this.props, outcome);
    if (!move) return false;
    const token = this.props.paymentToken;
    const p = this.props;
    if (move.status) {
      p.status = move.status;
      if (move.paymentDueAt) p.paymentDueAt = move.paymentDueAt;
      else delete p.paymentDueAt;
    }
    if (move.stock) p.stock = move.stock;
    if (move.payment) p.payment = move.payment;
    if (move.invoiceNumber) p.invoiceNumber = move.invoiceNumber;
    // Every move leaves PENDING: the token, needed for the charge alone, goes with the first.
    delete p.paymentToken;
    p.history.push({ status: p.status, at: now, reason: move.note });
    p.updatedAt = now;
    p.version += 1;
    this.recordSend(move, token!);
    this.recordEnd(move);
    return true;
  }

  private recordSend({ send }: Move, paymentToken: string): void {
    const orderId = this.id;
    switch (send) {
      case 'ChargePayment':
        return this.record({ type: 'PaymentChargeRequested', order: this.facts, paymentToken });
      case 'CommitStock':
        return this.record({ type: 'StockCommitRequested', orderId });
      case 'ReleaseStock':
        return this.record({ type: 'StockReleaseRequested', orderId, reason: this.cancelReason });
      case 'RefundPayment':
        return this.record({ type: 'PaymentRefundRequested', orderId, reason: this.cancelReason });
    }
  }

  /** The one customer event: a move that closes the order. */
  private recordEnd({ status, note, shortages }: Move): void {
    const order = this.facts;
    if (status === OrderStatus.CONFIRMED)
      this.record({ type: 'OrderConfirmed', order, invoiceNumber: this.props.invoiceNumber! });
    if (status === OrderStatus.REJECTED)
      this.record({ type: 'OrderRejected', order, reason: note, shortages: shortages! });
    if (status === OrderStatus.CANCELLED)
      this.record({ type: 'OrderCancelled', order, reason: note });
  }

  /** Why the order was cancelled: what a release or refund it asks for later says. */
  private get cancelReason(): string {
    return this.props.history.find((h) => h.status === OrderStatus.CANCELLED)!.reason!;
  }

  private get facts(): OrderFacts {
    const { id: orderId, customerEmail, currency, items } = this.snapshot();
    return { orderId, customerEmail, items, total: this.total, currency };
  }
}

function copy(props: OrderProps): OrderProps {
  return {
    ...props,
    items: props.items.map((i) => ({ ...i })),
    history: props.history.map((h) => ({ ...h })),
  };
}
