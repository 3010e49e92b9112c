import { DomainError } from '../../common/errors/domain.error';

export class StockBelowReservedError extends DomainError {
  readonly code = 'INVENTORY.STOCK_BELOW_RESERVED';
  readonly kind = 'conflict' as const;

  constructor(sku: string, stock: number) {
    super(`Stock of ${sku} cannot be set to ${stock}: more than that is reserved`, { sku, stock });
  }
}
