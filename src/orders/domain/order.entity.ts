import { VersionedAggregateRoot } from '../../common/domain/versioned-aggregate-root';
import { InvalidTransitionError } from './invalid-transition.error';
import { OrderAlreadyFinalError } from './order-already-final.error';
import { OrderEvent, OrderFacts, Shortage } from './order-events';
import { OrderLine } from './order-line';
import { OrderStatus, canTransition, isFinal } from './order-status';

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
  history: StatusChange[];
  createdAt: Date;
  updatedAt: Date;
  /** Bumped on every change; the repository saves only over version - 1 (no lost updates). */
  version: number;
  invoiceNumber?: string;
}

export type NewOrder = Pick<OrderProps, 'id' | 'customerEmail' | 'items' | 'currency'>;

/** The order aggregate: owns its state machine and its status history, and records each move. */
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
        history: [{ status: OrderStatus.PENDING, at: now }],
        createdAt: now,
        updatedAt: now,
        version: 1,
      },
      false,
    );
    order.record({ type: 'OrderPlaced', order: order.facts, paymentToken });
    return order;
  }

  static restore(props: OrderProps): Order {
    return new Order(
      {
        ...props,
        items: props.items.map((i) => ({ ...i })),
        history: props.history.map((h) => ({ ...h })),
      },
      true,
    );
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

  canMoveTo(to: OrderStatus): boolean {
    return canTransition(this.props.status, to);
  }

  stockReserved(reason = 'Stock reserved', now = new Date()): void {
    this.moveTo(OrderStatus.STOCK_RESERVED, reason, now);
    this.record({ type: 'OrderStockReserved', orderId: this.id });
  }

  reject(reason: string, shortages: Shortage[], now = new Date()): void {
    this.moveTo(OrderStatus.REJECTED, reason, now);
    this.record({ type: 'OrderRejected', order: this.facts, reason, shortages });
  }

  /** Paid. A payment is only taken after stock was reserved, so a PENDING order gets that step too. */
  confirm(invoiceNumber: string, now = new Date()): void {
    if (this.status === OrderStatus.PENDING)
      this.stockReserved('Stock reserved (reported by payment)', now);
    this.moveTo(OrderStatus.CONFIRMED, `Paid, invoice ${invoiceNumber}`, now);
    this.props.invoiceNumber = invoiceNumber;
    this.record({ type: 'OrderConfirmed', order: this.facts, invoiceNumber });
  }

  /** By the customer (refused once final) or after a declined payment. */
  cancel(reason: string, now = new Date()): void {
    if (this.isFinal) throw new OrderAlreadyFinalError(this.id, this.status);
    this.moveTo(OrderStatus.CANCELLED, reason, now);
    this.record({ type: 'OrderCancelled', order: this.facts, reason });
  }

  /** A note in the history that does not change status. */
  stockReleased(reason: string, now = new Date()): void {
    this.props.history.push({ status: this.status, at: now, reason: `Stock released: ${reason}` });
    this.touch(now);
    this.record({ type: 'OrderStockReleased', orderId: this.id, reason });
  }

  snapshot(): OrderProps {
    return {
      ...this.props,
      items: this.props.items.map((i) => ({ ...i })),
      history: this.props.history.map((h) => ({ ...h })),
    };
  }

  private get facts(): OrderFacts {
    const { id: orderId, customerEmail, items, currency } = this.snapshot();
    return { orderId, customerEmail, items, total: this.total, currency };
  }

  private moveTo(to: OrderStatus, reason: string | undefined, now: Date): void {
    if (!this.canMoveTo(to)) throw new InvalidTransitionError(this.id, this.props.status, to);
    this.props.status = to;
    this.props.history.push({ status: to, at: now, ...(reason ? { reason } : {}) });
    this.touch(now);
  }

  private touch(now: Date): void {
    this.props.updatedAt = now;
    this.props.version += 1;
  }
}
