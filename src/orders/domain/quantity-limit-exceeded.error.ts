import { DomainError } from '../../common/errors/domain.error';

export interface MergedQuantity {
  sku: string;
  quantity: number;
}

export class QuantityLimitExceededError extends DomainError {
  readonly code = 'ORDERS.QUANTITY_LIMIT_EXCEEDED';
  readonly kind = 'unprocessable' as const;

  constructor(
    readonly maxPerSku: number,
    readonly exceeded: MergedQuantity[],
  ) {
    super(
      `At most ${maxPerSku} units per SKU, counting repeated lines together: ` +
        exceeded.map((e) => `${e.sku} has ${e.quantity}`).join(', '),
      { maxPerSku, exceeded },
    );
  }
}
