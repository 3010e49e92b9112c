import { DomainError } from '../../common/errors/domain.error';

/**
 * Same key, different body. The key is not echoed: whoever holds it can replay the order, and an
 * error body travels further (logs, proxies, support tickets) than the request that carried it.
 */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'ORDERS.IDEMPOTENCY_KEY_REUSED';
  readonly kind = 'conflict' as const;

  constructor() {
    super('This Idempotency-Key was already used with a different request body');
  }
}
