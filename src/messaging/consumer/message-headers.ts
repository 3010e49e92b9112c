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

export function headerNumber(headers: Record<string, unknown> | undefined, key: string): number {
  const n = Number(headerString(headers, key) ?? 0);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}
