import { DomainError } from '../../common/errors/domain.error';

export class UnknownSkuError extends DomainError {
  readonly code = 'ORDERS.UNKNOWN_SKU';
  readonly kind = 'unprocessable' as const;

  constructor(readonly skus: string[]) {
    super(`Unknown SKU${skus.length > 1 ? 's' : ''}: ${skus.join(', ')}`, { skus });
  }
}
