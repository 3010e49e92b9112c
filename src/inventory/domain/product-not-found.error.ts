import { DomainError } from '../../common/errors/domain.error';

export class ProductNotFoundError extends DomainError {
  readonly code = 'INVENTORY.PRODUCT_NOT_FOUND';
  readonly kind = 'not-found' as const;

  constructor(sku: string) {
    super(`Product ${sku} not found; give name, price and stock to create it`, { sku });
  }
}
