import { DomainError } from '../../common/errors/domain.error';

export class OrderNotFoundError extends DomainError {
  readonly code = 'ORDERS.NOT_FOUND';
  readonly kind = 'not-found' as const;

  constructor(orderId: string) {
    super(`Order ${orderId} not found`, { orderId });
  }
}
