import { DomainError } from '../../common/errors/domain.error';

/**
 * Stock was reserved before billing saw the order itself (the two events travel on separate
 * queues). Transient: a retry a moment later finds it.
 */
export class PaymentIntentMissingError extends DomainError {
  readonly code = 'BILLING.PAYMENT_INTENT_MISSING';
  readonly kind = 'not-found' as const;
  readonly permanent = false;

  constructor(orderId: string) {
    super(`No payment intent for order ${orderId} yet`, { orderId });
  }
}
