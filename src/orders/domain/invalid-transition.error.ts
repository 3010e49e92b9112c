import { DomainError } from '../../common/errors/domain.error';
import { OrderStatus } from './order-status';

export class InvalidTransitionError extends DomainError {
  readonly code = 'ORDERS.INVALID_TRANSITION';
  readonly kind = 'conflict' as const;

  constructor(orderId: string, from: OrderStatus, to: OrderStatus) {
    super(`Order ${orderId} cannot go from ${from} to ${to}`, { orderId, from, to });
  }
}
