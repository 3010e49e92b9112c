import { DomainError } from '../../common/errors/domain.error';

export class InvalidIdempotencyKeyError extends DomainError {
  readonly code = 'ORDERS.INVALID_IDEMPOTENCY_KEY';
  readonly kind = 'invalid' as const;

  // The key itself is not repeated back: it may be huge, and it is the client's replay handle.
  constructor(maxLength: number, length: number) {
    super(
      `Idempotency-Key must be 1-${maxLength} printable ASCII characters ` +
        `(spaces allowed only inside); got ${length} characters`,
      { maxLength, length },
    );
  }
}
