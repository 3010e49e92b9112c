import { InvalidTransitionError } from './invalid-transition.error';
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
  /** Bumped on every change; the repository updates only if it still matches (no lost updates). */
  version: number;
  invoiceNumber?: string;
  idempotencyKey?: string;
  requestHash?: string;
}

/** The order aggregate: owns its state machine and its status history. */
export class Order {
  private constructor(private props: OrderProps) {}

  static place(
    input: Pick<
      OrderProps,
      'id' | 'customerEmail' | 'items' | 'currency' | 'idempotencyKey' | 'requestHash'
    >,
    now = new Date(),
  ): Order {
    return new Order({
      ...input,
      status: OrderStatus.PENDING,
      history: [{ status: OrderStatus.PENDING, at: now }],
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }

  static restore(props: OrderProps): Order {
    return new Order({
      ...props,
      items: props.items.map((i) => ({ ...i })),
      history: props.history.map((h) => ({ ...h })),
    });
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

  /** Moves the order on, or throws if the state machine forbids it. */
  transition(to: OrderStatus, reason?: string, now = new Date()): void {
    if (!this.canMoveTo(to)) throw new InvalidTransitionError(this.id, this.props.status, to);
    this.props.status = to;
    this.props.history.push({ status: to, at: now, ...(reason ? { reason } : {}) });
    this.props.updatedAt = now;
    this.props.version += 1;
  }

  confirm(invoiceNumber: string, now = new Date()): void {
    this.transition(OrderStatus.CONFIRMED, `Paid, invoice ${invoiceNumber}`, now);
    this.props.invoiceNumber = invoiceNumber;
  }

  /** A note in the history that does not change status (e.g. stock released). */
  note(reason: string, now = new Date()): void {
    this.props.history.push({ status: this.props.status, at: now, reason });
    this.props.updatedAt = now;
    this.props.version += 1;
  }

  snapshot(): OrderProps {
    return Order.restore(this.props).props;
  }
}
