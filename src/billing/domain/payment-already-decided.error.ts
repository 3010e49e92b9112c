import { DomainError } from '../../common/errors/domain.error';

/** A payment is charged at most once: a second decision would charge or announce twice. */
export class PaymentAlreadyDecidedError extends DomainError {
  readonly code = 'BILLING.PAYMENT_ALREADY_DECIDED';
  readonly kind = 'conflict' as const;

  constructor(orderId: string, status: string) {
    super(`The payment for order ${orderId} is already ${status}`, { orderId, status });
  }
}
