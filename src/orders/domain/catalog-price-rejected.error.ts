import { DomainError } from '../../common/errors/domain.error';

/**
 * A catalog price orders cannot sell at: in another currency than the shop's, or not a whole,
 * non-negative number of cents. Permanent: an event carrying it is parked, never applied.
 */
export class CatalogPriceRejectedError extends DomainError {
  readonly code = 'ORDERS.CATALOG_PRICE_REJECTED';
  readonly kind = 'unprocessable' as const;

  constructor(sku: string, reason: string) {
    super(`The catalog price of ${sku} cannot be used: ${reason}`, { sku, reason });
  }
}
