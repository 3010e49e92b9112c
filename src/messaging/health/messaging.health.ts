import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { HealthRegistry } from '../../common/health/health.registry';
import { RabbitEventServer } from '../consumer/rabbit-event.server';
import { ConfirmedPublisher } from '../outbox/confirmed.publisher';
import { OutboxRegistry } from '../outbox/outbox.registry';
import { OutboxRelay } from '../outbox/outbox.relay';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { brokerCheck, consumersCheck, outboxAgeCheck } from './readiness-rules';

/** Messaging reports on itself, so /health needs to know nothing of its internals. */
@Injectable()
export class MessagingHealth implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    private readonly publisher: ConfirmedPublisher,
    private readonly server: RabbitEventServer,
    private readonly outbox: OutboxRegistry,
    private readonly relay: OutboxRelay,
    private readonly declarer: TopologyDeclarer,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Each makes the process not ready (/health/ready 503) while down.
    this.health.register('broker', () => brokerCheck(this.publisher.connected), { critical: true });
    this.health.register(
      'consumers',
      () => consumersCheck(this.server.queues, this.server.idleQueues),
      { critical: true },
    );
    this.health.register(
      'outbox',
      async () =>
        outboxAgeCheck(
          await this.outbox.oldestPendingAt(),
          Date.now(),
          this.config.readyOutboxMaxAgeMs,
        ),
      { critical: true },
    );
    this.health.registerDetails(async () => ({
      brokerConnected: this.publisher.connected,
      queues: this.server.queues,
      outboxPending: await this.outbox.pendingCount(),
      outboxPublished: this.relay.published,
      unroutedMessages: await this.publisher
        .queueDepth(this.declarer.names.unroutedQueue)
        .catch(() => undefined),
    }));
  }
}
