import { H, MAX_ATTEMPT } from '../consumer/message-headers';
import { DeadLetterRecord } from './dead-letter.record';
import { UNKNOWN_QUEUE } from './read-dead-letter';

/**
 * Headers for a fresh copy of a dead letter the store could not take yet. The copy states in our
 * own headers everything the record was read from, its id included, so it reads back as the same
 * record on any broker. The broker's x- headers stay behind: RabbitMQ 4 ignores them from clients.
 */
export function reparkHeaders(
  original: Record<string, unknown> | undefined,
  record: DeadLetterRecord,
): Record<string, unknown> {
  const stated: Record<string, string | number | boolean | undefined> = {
    [H.deadLetterId]: record.id,
    [H.parked]: true,
    [H.originalQueue]: record.queue === UNKNOWN_QUEUE ? undefined : record.queue,
    [H.originalExchange]: record.originalExchange,
    [H.originalRoutingKey]: record.originalRoutingKey,
    [H.errorType]: record.errorType,
    [H.errorMessage]: record.errorMessage,
    [H.permanent]: record.permanent,
    [H.attempt]: Math.min(record.attempts, MAX_ATTEMPT),
    [H.firstFailedAt]: record.firstFailedAt.toISOString(),
    [H.lastFailedAt]: record.lastFailedAt.toISOString(),
  };
  const defined = Object.entries(stated).filter(([, v]) => v !== undefined);
  const kept = Object.entries(original ?? {}).filter(([k]) => !k.startsWith('x-'));
  return { ...Object.fromEntries(kept), ...Object.fromEntries(defined) };
}
