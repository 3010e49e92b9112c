/** Raised by create() when another request already holds the idempotency key. */
export class DuplicateIdempotencyKeyError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency key ${key} is taken`);
  }
}
