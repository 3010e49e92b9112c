import { DomainError } from '../../common/errors/domain.error';

/** Charging needs both the order (its intent) and its reserved stock. */
export class PaymentNotReadyError extends DomainError {
  readonly code = 'BILLING.PAYMENT_NOT_READY';
  readonly kind = 'conflict' as const;

  constructor(orderId: string, missing: 'intent' | 'reserved stock') {
    super(`The payment for order ${orderId} cannot be decided without its ${missing}`, {
      orderId,
      missing,
    });
  }
}
