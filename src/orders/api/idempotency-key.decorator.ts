import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidIdempotencyKeyError } from '../domain/invalid-idempotency-key.error';

export const IDEMPOTENCY_KEY_MAX = 255;

/**
 * Printable ASCII, spaces only inside. The key is stored and indexed with the order, so it is
 * bounded like any other input; control or non-ASCII bytes would only make two keys that look
 * the same compare different.
 */
const IDEMPOTENCY_KEY = new RegExp(
  `^[\\x21-\\x7E](?:[\\x20-\\x7E]{0,${IDEMPOTENCY_KEY_MAX - 2}}[\\x21-\\x7E])?$`,
);

/** An absent or blank header means "no key"; anything else must be a well-formed key. */
export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  const key = raw?.trim();
  if (!key) return undefined;
  if (!IDEMPOTENCY_KEY.test(key))
    throw new InvalidIdempotencyKeyError(IDEMPOTENCY_KEY_MAX, key.length);
  return key;
}

/** The `Idempotency-Key` request header, validated once for every route that takes it. */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | undefined =>
    parseIdempotencyKey(ctx.switchToHttp().getRequest<Request>().header('idempotency-key')),
);
