import { DomainError } from '../../common/errors/domain.error';
import { OrderStatus } from './order-status';

export class OrderAlreadyFinalError extends DomainError {
  readonly code = 'ORDERS.ALREADY_FINAL';
  readonly kind = 'conflict' as const;

  constructor(orderId: string, status: OrderStatus) {
    super(`Order ${orderId} is already ${status} and can no longer be cancelled`, {
      orderId,
      status,
    });
  }
}
