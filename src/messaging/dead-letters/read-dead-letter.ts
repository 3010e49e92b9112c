import type { ConsumeMessage } from 'amqplib';
import { createHash, randomUUID } from 'node:crypto';
import {
  H,
  MAX_ATTEMPT,
  MAX_REPLAY_COUNT,
  headerCountOr,
  headerDate,
  headerString,
} from '../consumer/message-headers';
import { brokerDeath } from './broker-death';
import { DeadLetterRecord } from './dead-letter.record';

export const UNKNOWN_QUEUE = 'unknown';

/**
 * A message from the dead-letter queue, as the record an operator reads and replays. Two kinds
 * arrive: copies our retry policy parked (`of-parked: true`, with the failure in our headers), and
 * messages the broker dead-lettered itself when a quorum queue's delivery limit ran out (a
 * consumer that kept crashing or timing out). The second kind is read from our own headers and
 * the routing key; the broker's x-death family only adds detail where present.
 */
export function readDeadLetter(msg: ConsumeMessage, now: Date): DeadLetterRecord {
  const h = (msg.properties.headers ?? {}) as Record<string, unknown>;
  const death = brokerDeath(h);
  const byUs = parkedByUs(h, death !== undefined);
  const messageId = msg.properties.messageId as string | undefined;
  const queue = queueOf(msg, h, byUs) ?? death?.queue ?? UNKNOWN_QUEUE;
  // Headers may come from any producer that reached the exchange: a bad one is read as absent.
  const failedAt = headerDate(h, H.lastFailedAt);
  const lastFailedAt = (byUs ? failedAt : death?.time) ?? now;
  const originalRoutingKey = headerString(h, H.originalRoutingKey) ?? msg.fields.routingKey;
  const previousAttempts = headerCountOr(h, H.attempt, MAX_ATTEMPT, 0);
  const replayCount = headerCountOr(h, H.replayCount, MAX_REPLAY_COUNT, MAX_REPLAY_COUNT);
  const reason = death?.reason ?? 'delivery_limit';
  const earlier = headerString(h, H.errorMessage);
  const key = messageId ?? createHash('sha1').update(msg.content).digest('hex');
  // Stable across redeliveries of one dead letter, so recording it twice keeps one record. Only
  // a queue nobody can name gets a unique id: two such copies may come from two queues.
  const identity = byUs
    ? `${queue}|${key}|${failedAt?.toISOString() ?? '-'}`
    : queue === UNKNOWN_QUEUE
      ? `${key}|${randomUUID()}`
      : `${queue}|${key}|broker|${failedAt?.toISOString() ?? '-'}|${replayCount}`;
  return {
    id: ownId(h) ?? createHash('sha1').update(identity).digest('hex').slice(0, 24),
    messageId,
    // A producer that set no type still published under a routing key, which is the event type.
    type: (msg.properties.type as string | undefined) ?? originalRoutingKey,
    queue,
    consumer: headerString(h, H.consumer),
    host: headerString(h, H.host),
    originalExchange: headerString(h, H.originalExchange) ?? death?.exchange,
    originalRoutingKey,
    errorType: (byUs && headerString(h, H.errorType)) || `broker:${reason}`,
    errorMessage:
      (byUs && earlier) ||
      `Dead-lettered by the broker (${reason}): delivered again and again without being ` +
        `settled, e.g. a consumer that kept crashing or timing out` +
        (earlier ? `; the attempt before failed with: ${earlier}` : ''),
    errorStack: headerString(h, H.errorStack),
    permanent: byUs && headerString(h, H.permanent) === 'true',
    // The broker's dead-lettering ends one more attempt than our headers counted.
    attempts: byUs ? previousAttempts || 1 : previousAttempts + 1,
    firstFailedAt: headerDate(h, H.firstFailedAt) ?? lastFailedAt,
    lastFailedAt,
    deadLetteredAt: now,
    bodyBase64: msg.content.toString('base64'),
    contentType: msg.properties.contentType as string | undefined,
    correlationId: msg.properties.correlationId as string | undefined,
    headers: foreignHeaders(h),
    status: 'PARKED',
    // An unreadable count is taken as spent, so the automatic re-drive leaves it to a person.
    replayCount,
  };
}

/**
 * Ours when marked so. Copies parked before the marker existed carry our failure headers and no
 * broker death; a broker dead-lettering always leaves one of the two signs.
 */
function parkedByUs(h: Record<string, unknown>, brokerSaysSo: boolean): boolean {
  const marker = headerString(h, H.parked);
  if (marker !== undefined) return marker === 'true';
  return !brokerSaysSo && headerString(h, H.errorType) !== undefined;
}

/**
 * Where it failed. Our policy names the queue in its headers; a retry or a replay came through
 * the redeliver exchange, whose routing key is that queue. A first delivery's routing key is its
 * event type, which several queues may share: that one only the broker can name.
 */
function queueOf(
  msg: ConsumeMessage,
  h: Record<string, unknown>,
  byUs: boolean,
): string | undefined {
  const named = headerString(h, H.originalQueue);
  if (named) return named;
  const redelivered = h[H.attempt] !== undefined || h[H.replayedAt] !== undefined;
  return !byUs && redelivered ? msg.fields.routingKey : undefined;
}

function ownId(h: Record<string, unknown>): string | undefined {
  const id = headerString(h, H.deadLetterId);
  return id && /^[0-9a-f]{24}$/.test(id) ? id : undefined;
}

/** Headers that are not ours nor the broker's, carried back on replay. */
function foreignHeaders(h: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(h)
      .filter(
        ([k, v]) => !k.startsWith('x-') && !k.startsWith('of-') && v !== undefined && v !== null,
      )
      .map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString() : String(v)]),
  );
}
