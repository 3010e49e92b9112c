import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { AppConfig } from '../../common/config/app-config';
import { DeadLetterRecord } from '../dead-letters/dead-letter.record';
import { MessageTaps } from '../observability/message-taps';
import { ConfirmedPublisher } from '../outbox/confirmed.publisher';
import { OutboxRegistry } from '../outbox/outbox.registry';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { MessageMetricsTap } from './message-metrics.tap';
import { messageInstruments } from './message.instruments';
import { OrderProcessTap } from './order-process.tap';

/** Reasons the broker gives for a dead-lettering; anything else read from a header is 'other'. */
const BROKER_REASONS = new Set(['delivery_limit', 'rejected', 'expired', 'maxlen']);

/**
 * Messaging's metrics: taps count deliveries and publishes as they happen; the outbox and the
 * unrouted queue are read when Prometheus scrapes, so an idle process reports them too.
 */
@Injectable()
export class MessagingMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly deadLetters: Counter<'queue' | 'reason'>;
  private unregister: Array<() => void> = [];

  constructor(
    private readonly registry: Registry,
    private readonly config: AppConfig,
    private readonly declarer: TopologyDeclarer,
    private readonly outbox: OutboxRegistry,
    private readonly publisher: ConfirmedPublisher,
  ) {
    const registers = [registry];
    this.deadLetters = new Counter({
      name: 'orderflow_dead_letters_total',
      help: 'Dead letters recorded, by the queue they failed in and why',
      labelNames: ['queue', 'reason'],
      registers,
    });
    const outboxes = this.outbox;
    // Per module: replicas of one module on MongoDB share its outbox, so dashboards take the
    // max per module, then sum over modules.
    new Gauge({
      name: 'orderflow_outbox_pending_messages',
      help: 'Messages written to a module outbox and not yet confirmed by the broker',
      labelNames: ['module'],
      registers,
      async collect() {
        for (const [module, store] of outboxes.all()) {
          // A store that cannot answer (MongoDB away) leaves the last value, not a failed scrape.
          const n = await store.pendingCount().catch(() => undefined);
          if (n !== undefined) this.set({ module }, n);
        }
      },
    });
    new Gauge({
      name: 'orderflow_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unsent message of a module outbox; 0 when none waits',
      labelNames: ['module'],
      registers,
      async collect() {
        for (const [module, store] of outboxes.all()) {
          const oldest = await store.oldestPendingAt().catch(() => null);
          if (oldest !== null)
            this.set({ module }, oldest ? Math.max(0, Date.now() - oldest.getTime()) / 1000 : 0);
        }
      },
    });
    const depth = () => this.unroutedDepth();
    new Gauge({
      name: 'orderflow_unroutable_messages_total',
      help: 'Messages no queue was bound for, kept in the unrouted queue until an operator acts',
      registers,
      async collect() {
        const n = await depth();
        // While the broker is away the last known depth stands.
        if (n !== undefined) this.set(n);
      },
    });
  }

  onModuleInit(): void {
    const prefix = this.config.amqpNamePrefix;
    this.unregister = [
      MessageTaps.register(new MessageMetricsTap(messageInstruments(this.registry), prefix)),
      MessageTaps.register(new OrderProcessTap(this.registry, this.declarer.names.events)),
    ];
  }

  onApplicationShutdown(): void {
    this.unregister.forEach((unregister) => unregister());
    this.unregister = [];
  }

  /** Called by the recorder once a dead letter is stored. */
  deadLettered(record: DeadLetterRecord): void {
    // Labels come from headers any publisher could set: bounded to our names and known reasons.
    const queue = this.declarer.declared.queues.has(record.queue) ? record.queue : 'unknown';
    this.deadLetters.inc({ queue, reason: deadLetterReason(record) });
  }

  private unroutedDepth(): Promise<number | undefined> {
    return this.publisher.queueDepth(this.declarer.names.unroutedQueue).catch(() => undefined);
  }
}

/** permanent (the handler refused it), retries_exhausted, or the broker's own reason. */
export function deadLetterReason(record: DeadLetterRecord): string {
  if (record.errorType.startsWith('broker:')) {
    const reason = record.errorType.slice('broker:'.length);
    return BROKER_REASONS.has(reason) ? reason : 'other';
  }
  return record.permanent ? 'permanent' : 'retries_exhausted';
}
