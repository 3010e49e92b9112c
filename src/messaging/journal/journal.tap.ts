import { randomBytes } from 'node:crypto';
import { H, MAX_REPLAY_COUNT, headerCountOr } from '../consumer/message-headers';
import type {
  Delivery,
  HandleOutcome,
  Handled,
  MessageTap,
  Published,
} from '../observability/message-tap';
import { DeliveryNotes } from './delivery-notes';
import { JournalEntry, JournalOutcome } from './journal-entry';
import { orderIdInBody, orderIdOf } from './order-id';

const OUTCOMES: Record<HandleOutcome, JournalOutcome> = {
  ack: 'handled',
  retry: 'retried',
  // Put back on its queue as it was (e.g. a shutdown): it is delivered again.
  requeue: 'retried',
  dead_letter: 'dead-lettered',
  rejected: 'dead-lettered',
  duplicate: 'duplicate skipped',
};
const MAX_ERROR_CHARS = 300;

/**
 * Milliseconds since the epoch with a fraction: Date.now() is too coarse to order a publish
 * and the handling it started within the same millisecond. Monotonic within a process.
 */
const preciseNow = (): number => performance.timeOrigin + performance.now();

/** Unique per process, then a counter: ids unique everywhere without a random draw per entry. */
const PROCESS_TAG = randomBytes(4).toString('hex');
let counter = 0;

/**
 * When it started, to the microsecond, then a suffix unique to the entry: the stores order one
 * millisecond's entries by id, so a publish sorts before the handling it caused, and a handling
 * before what it published. Fixed width, so text order is time order.
 */
function startedAt(nowMs: number, seconds: number): { id: string; at: Date } {
  const startMs = nowMs - seconds * 1000;
  const micros = Math.floor(startMs * 1000)
    .toString()
    .padStart(17, '0');
  counter = (counter + 1) % 0x100000000;
  return {
    id: `${micros}-${PROCESS_TAG}${counter.toString(36)}`,
    at: new Date(Math.floor(startMs)),
  };
}

/**
 * Turns what this process handled and published into journal entries, for the messages that
 * concern an order. Published: only what the outbox relay sent (with its module) and replays
 * of dead letters, once the broker confirmed them.
 */
export class JournalTap implements MessageTap {
  constructor(
    private readonly process: string,
    private readonly write: (entry: JournalEntry) => void,
    private readonly now: () => number = preciseNow,
  ) {}

  around<T>(_delivery: Delivery, run: () => Promise<T>): Promise<T> {
    return DeliveryNotes.run(run);
  }

  handled(h: Handled): void {
    const orderId = orderIdOf(h.envelope?.payload);
    if (!h.envelope || !orderId) return;
    const replay = headerCountOr(h.headers, H.replayCount, MAX_REPLAY_COUNT, 0);
    const { id, at } = startedAt(this.now(), h.seconds);
    // Built field by field: spreading optional parts costs several times more, per message.
    const entry: JournalEntry = {
      id,
      orderId,
      at,
      direction: 'handled',
      type: h.envelope.type,
      messageId: h.envelope.messageId,
      correlationId: h.envelope.correlationId,
      module: h.consumer,
      process: this.process,
      queue: h.queue,
      attempt: h.attempt,
      outcome: OUTCOMES[h.outcome],
    };
    if (replay > 0) entry.replay = replay;
    if (h.error !== undefined) entry.error = errorText(h.error);
    const email = h.outcome === 'ack' ? DeliveryNotes.current()?.email : undefined;
    if (email) entry.email = email;
    this.write(entry);
  }

  published(p: Published): void {
    const replayed = p.headers[H.replayedAt] !== undefined;
    if (p.outcome !== 'confirmed' || (!p.module && !replayed)) return;
    const orderId = orderIdInBody(p.content);
    if (!orderId) return;
    const { id, at } = startedAt(this.now(), p.seconds);
    const entry: JournalEntry = {
      id,
      orderId,
      at,
      direction: 'published',
      type: p.type ?? p.routingKey,
      messageId: p.messageId,
      correlationId: p.correlationId,
      module: p.module ?? 'dead-letters',
      process: this.process,
      exchange: p.exchange,
      attempt: 0,
      outcome: replayed ? 'replayed' : 'published',
    };
    if (replayed) {
      // A replay goes to the one queue it failed in, named by its routing key.
      entry.queue = p.routingKey;
      entry.replay = headerCountOr(p.headers, H.replayCount, MAX_REPLAY_COUNT, 0);
    }
    this.write(entry);
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_CHARS);
}
