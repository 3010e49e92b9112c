import { VersionedAggregateRoot } from '../../common/domain/versioned-aggregate-root';
import { Invoice, invoiceNumberFor } from './invoice';
import { PaymentAlreadyDecidedError } from './payment-already-decided.error';
import { PaymentEvent } from './payment-events';
import { PaymentIntent } from './payment-intent';
import { PaymentNotReadyError } from './payment-not-ready.error';

/** PENDING until one charge decides SUCCEEDED or FAILED. */
export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

export interface PaymentProps {
  orderId: string;
  status: PaymentStatus;
  intent?: PaymentIntent;
  stockReserved: boolean;
  paymentId?: string;
  invoice?: Invoice;
  failure?: { code: string; reason: string };
  createdAt: Date;
  updatedAt: Date;
  /**
   * persistedVersion + 1 once anything changed since the load, however many changes: a save
   * expects persistedVersion in the store and leaves this one there.
   */
  version: number;
}

/**
 * Billing charges once it knows two facts that arrive on separate queues, in either order: the
 * order (its intent, from order.placed) and its reserved stock (from inventory.reserved). The
 * payment is opened by whichever comes first, and decided exactly once.
 */
export class Payment extends VersionedAggregateRoot<PaymentEvent> {
  private constructor(
    private readonly props: PaymentProps,
    persisted: boolean,
  ) {
    super(persisted ? props.version : 0);
  }

  static open(orderId: string, now = new Date()): Payment {
    const props: PaymentProps = {
      orderId,
      status: 'PENDING',
      stockReserved: false,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return new Payment(props, false);
  }

  static restore(props: PaymentProps): Payment {
    return new Payment(structuredClone(props), true);
  }

  get orderId(): string {
    return this.props.orderId;
  }
  get status(): PaymentStatus {
    return this.props.status;
  }
  get version(): number {
    return this.props.version;
  }
  get readyToCharge(): boolean {
    return this.chargeable() !== undefined;
  }
  /** What to charge, while the payment is ready to be charged. */
  get intentToCharge(): PaymentIntent | undefined {
    const intent = this.chargeable();
    return intent && structuredClone(intent);
  }

  /** Keeps the first intent: a redelivered order.placed changes nothing. */
  recordIntent(intent: PaymentIntent, now = new Date()): void {
    if (this.props.intent) return;
    this.props.intent = structuredClone(intent);
    this.changed(now);
  }

  stockReserved(now = new Date()): void {
    if (this.props.stockReserved) return;
    this.props.stockReserved = true;
    this.changed(now);
  }

  /** The charge went through: invoices the order and announces it. */
  succeed(paymentId: string, now = new Date()): void {
    const intent = this.decidable();
    const { orderId } = this.props;
    const invoice: Invoice = {
      number: invoiceNumberFor(orderId, now),
      orderId,
      customerEmail: intent.customerEmail,
      amount: intent.amount,
      currency: intent.currency,
      lines: structuredClone(intent.lines),
      issuedAt: now,
    };
    this.props.status = 'SUCCEEDED';
    this.props.paymentId = paymentId;
    this.props.invoice = invoice;
    this.changed(now);
    this.record({
      type: 'PaymentSucceeded',
      orderId,
      paymentId,
      invoice: structuredClone(invoice),
    });
  }

  /** The gateway declined the card: a business outcome, as final as a success. */
  decline(code: string, reason: string, now = new Date()): void {
    this.decidable();
    this.props.status = 'FAILED';
    this.props.failure = { code, reason };
    this.changed(now);
    this.record({ type: 'PaymentDeclined', orderId: this.props.orderId, code, reason });
  }

  snapshot(): PaymentProps {
    return structuredClone(this.props);
  }

  private chargeable(): PaymentIntent | undefined {
    const { status, stockReserved, intent } = this.props;
    return status === 'PENDING' && stockReserved ? intent : undefined;
  }

  /** Only a pending payment with both facts may be decided; anything else is a caller's bug. */
  private decidable(): PaymentIntent {
    const { orderId, status, stockReserved, intent } = this.props;
    if (status !== 'PENDING') throw new PaymentAlreadyDecidedError(orderId, status);
    if (!intent) throw new PaymentNotReadyError(orderId, 'intent');
    if (!stockReserved) throw new PaymentNotReadyError(orderId, 'reserved stock');
    return intent;
  }

  private changed(now: Date): void {
    this.props.updatedAt = now;
    this.props.version = this.persistedVersion + 1;
  }
}
