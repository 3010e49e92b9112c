import type { HandleOutcome, Handled, MessageTap, Published } from '../observability/message-tap';
import { MessageInstruments } from './message.instruments';

type CountedOutcome = Exclude<HandleOutcome, 'requeue'>;

/** A delivery handed back to the broker (no retry copy could be published) comes again: a retry. */
const OUTCOME: Record<HandleOutcome, CountedOutcome> = {
  ack: 'ack',
  retry: 'retry',
  dead_letter: 'dead_letter',
  duplicate: 'duplicate',
  rejected: 'rejected',
  requeue: 'retry',
};

/**
 * Turns what the pipeline and the publisher report into counters and histograms. Only names
 * under this app's topology prefix count, so apps sharing a process (tests) keep apart.
 */
export class MessageMetricsTap implements MessageTap {
  constructor(
    private readonly m: MessageInstruments,
    private readonly prefix = '',
    private readonly now: () => number = Date.now,
  ) {}

  handled(h: Handled): void {
    if (!h.queue.startsWith(this.prefix)) return;
    const labels = { consumer: consumerOf(h.consumer), type: h.type };
    this.m.consumed.inc({ ...labels, outcome: OUTCOME[h.outcome] });
    this.m.handling.observe(labels, h.seconds);
    const occurredAt = h.envelope ? Date.parse(h.envelope.occurredAt) : NaN;
    // Only a success ends the wait a user feels; a clock behind the writer's counts as no wait.
    if (h.outcome === 'ack' && Number.isFinite(occurredAt))
      this.m.criticalTime.observe(labels, Math.max(0, this.now() - occurredAt) / 1000);
  }

  published(p: Published): void {
    if (!p.exchange.startsWith(this.prefix)) return;
    this.m.confirm.observe(p.seconds);
    if (p.outcome === 'confirmed') this.m.published.inc({ type: p.type ?? p.routingKey });
    else this.m.publishFailures.inc({ reason: failureReason(p.error) });
  }
}

/** A broadcast consumer is named `<consumer>@<instance>`; one series per process start is noise. */
export function consumerOf(consumer: string): string {
  const at = consumer.indexOf('@');
  return at < 0 ? consumer : consumer.slice(0, at);
}

/** amqplib rejects a nacked publish with 'message nacked'; amqp-connection-manager a late one with 'timeout'. */
export function failureReason(error: unknown): 'nack' | 'timeout' | 'other' {
  const message = error instanceof Error ? error.message : String(error);
  if (/nack/i.test(message)) return 'nack';
  if (/^timeout$|timed out/i.test(message)) return 'timeout';
  return 'other';
}
