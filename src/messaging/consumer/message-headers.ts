import { MalformedMessageError } from './malformed-message.error';

/**
 * Our own headers. Not `x-`: RabbitMQ 4 ignores client-set x- headers, and these must survive
 * retries, dead-lettering and replay.
 */
export const H = {
  attempt: 'of-attempt',
  errorType: 'of-error-type',
  errorMessage: 'of-error-message',
  errorStack: 'of-error-stack',
  permanent: 'of-permanent',
  originalExchange: 'of-original-exchange',
  originalRoutingKey: 'of-original-routing-key',
  originalQueue: 'of-original-queue',
  consumer: 'of-consumer',
  host: 'of-host',
  firstFailedAt: 'of-first-failed-at',
  lastFailedAt: 'of-last-failed-at',
  replayedAt: 'of-replayed-at',
  /** How often this message was replayed from the dead letters; caps the automatic re-drive. */
  replayCount: 'of-replay-count',
  /**
   * true on the copy our retry policy parks, false on its retry copies: what reaches the dead
   * letters without `true` was dead-lettered by the broker (its delivery limit), whatever
   * failure headers an earlier attempt left on it. Ours to read, where x-death may be absent.
   */
  parked: 'of-parked',
  /** The record a dead letter became, on the fresh copy the recorder re-parks it as. */
  deadLetterId: 'of-dead-letter-id',
} as const;

/** Keeps failure headers well under the broker's frame size (128 KiB by default). */
export const MAX_STACK_CHARS = 4000;
export const MAX_ERROR_MESSAGE_CHARS = 1000;

export function headerString(
  headers: Record<string, unknown> | undefined,
  key: string,
): string | undefined {
  const value = headers?.[key];
  if (value === undefined || value === null) return undefined;
  return Buffer.isBuffer(value) ? value.toString() : String(value);
}

/** Bounds of the counters we read back; anything larger was not written by us. */
export const MAX_ATTEMPT = 100;
export const MAX_REPLAY_COUNT = 1000;

/**
 * Reads a counter header strictly: absent is 0; otherwise a whole number in [0, max], given as a
 * number or as decimal digits. Anything else (0.5, -1, "1e3", NaN, a table) is malformed: a
 * counter we cannot trust must not pick a retry step or cap a re-drive.
 */
export function headerCount(
  headers: Record<string, unknown> | undefined,
  key: string,
  max: number,
): number {
  const value = headers?.[key];
  if (value === undefined || value === null) return 0;
  const text = Buffer.isBuffer(value) ? value.toString() : value;
  const n =
    typeof text === 'number'
      ? text
      : typeof text === 'string' && /^\d{1,9}$/.test(text)
        ? +text
        : NaN;
  if (!Number.isSafeInteger(n) || n < 0 || n > max) {
    const shown = typeof text === 'string' || typeof text === 'number' ? String(text) : typeof text;
    throw new MalformedMessageError(
      `Header ${key} must be a whole number from 0 to ${max}, got ${JSON.stringify(shown.slice(0, 40))}`,
    );
  }
  return n;
}

/** Like headerCount, for places that must not fail (recording a dead letter): falls back. */
export function headerCountOr(
  headers: Record<string, unknown> | undefined,
  key: string,
  max: number,
  fallback: number,
): number {
  try {
    return headerCount(headers, key, max);
  } catch {
    return fallback;
  }
}

/** A timestamp header we wrote ourselves; a forged or garbled one reads as absent. */
export function headerDate(
  headers: Record<string, unknown> | undefined,
  key: string,
): Date | undefined {
  const text = headerString(headers, key);
  if (text === undefined || text.length > 40) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
