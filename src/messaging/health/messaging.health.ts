import { Injectable, OnModuleInit } from '@nestjs/common';
import { HealthRegistry } from '../../common/health/health.registry';
import { RabbitEventServer } from '../consumer/rabbit-event.server';
import { ConfirmedPublisher } from '../outbox/confirmed.publisher';
import { OutboxRegistry } from '../outbox/outbox.registry';
import { OutboxRelay } from '../outbox/outbox.relay';
import { TopologyDeclarer } from '../topology/topology.declarer';

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
  ) {}

  onModuleInit(): void {
    this.health.register(
      'broker',
      () => ({ status: this.publisher.connected ? 'up' : 'down' }),
      // Without the broker nothing moves between modules: the process is degraded.
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
