import { DomainError } from '../../common/errors/domain.error';

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'ORDERS.IDEMPOTENCY_KEY_REUSED';
  readonly kind = 'conflict' as const;

  constructor(key: string) {
    super(`Idempotency-Key ${key} was already used with a different request body`, {
      idempotencyKey: key,
    });
  }
}
