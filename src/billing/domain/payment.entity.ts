import { VersionedAggregateRoot } from '../../common/domain/versioned-aggregate-root';
import { Invoice, invoiceNumberFor } from './invoice';
import { PaymentAlreadyDecidedError } from './payment-already-decided.error';
import { PaymentEvent } from './payment-events';
import { PaymentIntent } from './payment-intent';

/** PENDING until the one charge decides SUCCEEDED or FAILED; a SUCCEEDED one may be REFUNDED. */
export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED';

export interface PaymentProps {
  orderId: string;
  status: PaymentStatus;
  intent: PaymentIntent;
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
 * One payment per order. Orders owns the process and commands billing: the charge command opens
 * the payment and the one gateway charge decides it; a refund command gives a succeeded charge
 * back. Commands may be redelivered, so a decision and a refund each happen at most once: a
 * repeat finds the payment past the state it needs and changes nothing.
 */
export class Payment extends VersionedAggregateRoot<PaymentEvent> {
  private constructor(
    private readonly props: PaymentProps,
    persisted: boolean,
  ) {
    super(persisted ? props.version : 0);
  }

  static open(orderId: string, intent: PaymentIntent, now = new Date()): Payment {
    const props: PaymentProps = {
      orderId,
      status: 'PENDING',
      intent: structuredClone(intent),
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
  /** A copy: what was asked to be charged. */
  get intent(): PaymentIntent {
    return structuredClone(this.props.intent);
  }
  get paymentId(): string | undefined {
    return this.props.paymentId;
  }
  /** Not decided yet: the only state in which the gateway may be asked to charge. */
  get awaitingCharge(): boolean {
    return this.props.status === 'PENDING';
  }
  /** Charged and not given back yet: the only state in which there is anything to refund. */
  get refundable(): boolean {
    return this.props.status === 'SUCCEEDED';
  }

  /** The charge went through: invoices the order (PAID) and announces it. */
  succeed(paymentId: string, now = new Date()): void {
    this.decidable();
    const { orderId, intent } = this.props;
    const invoice: Invoice = {
      number: invoiceNumberFor(orderId, now),
      orderId,
      customerEmail: intent.customerEmail,
      amount: intent.amount,
      currency: intent.currency,
      lines: structuredClone(intent.lines),
      issuedAt: now,
      status: 'PAID',
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
    this.record({ type: 'PaymentFailed', orderId: this.props.orderId, code, reason });
  }

  /**
   * The whole charge was given back: a credit on the invoice, announced. Anything but a succeeded
   * payment changes nothing: a declined one took no money, a refunded one was given back already.
   */
  refund(reason: string, now = new Date()): void {
    if (!this.refundable) return;
    const { orderId } = this.props;
    // A succeeded payment always has both: succeed() sets them together.
    const paymentId = this.props.paymentId!;
    const invoice = this.props.invoice!;
    const { number, amount, currency } = invoice;
    this.props.status = 'REFUNDED';
    this.props.invoice = {
      ...invoice,
      status: 'REFUNDED',
      refund: { amount, refundedAt: now, reason },
    };
    this.changed(now);
    this.record({
      type: 'PaymentRefunded',
      orderId,
      paymentId,
      invoiceNumber: number,
      amount,
      currency,
      reason,
      refundedAt: now,
    });
  }

  snapshot(): PaymentProps {
    return structuredClone(this.props);
  }

  /** Deciding twice would charge or announce twice: the caller checks awaitingCharge first. */
  private decidable(): void {
    const { orderId, status } = this.props;
    if (status !== 'PENDING') throw new PaymentAlreadyDecidedError(orderId, status);
  }

  private changed(now: Date): void {
    this.props.updatedAt = now;
    this.props.version = this.persistedVersion + 1;
  }
}
