import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RabbitEventServer } from '../../messaging/consumer/rabbit-event.server';
import { ConfirmedPublisher } from '../../messaging/outbox/confirmed.publisher';
import { OutboxRegistry } from '../../messaging/outbox/outbox.registry';
import { OutboxRelay } from '../../messaging/outbox/outbox.relay';
import { TopologyDeclarer } from '../../messaging/topology/topology.declarer';
import { AppConfig } from '../config/app-config';
import { HealthRegistry } from './health.registry';
import { HealthView } from './health.view';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly config: AppConfig,
    private readonly publisher: ConfirmedPublisher,
    private readonly server: RabbitEventServer,
    private readonly outbox: OutboxRegistry,
    private readonly relay: OutboxRelay,
    private readonly declarer: TopologyDeclarer,
    private readonly registry: HealthRegistry,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthView })
  async check(): Promise<HealthView> {
    const brokerConnected = this.publisher.connected;
    const checks = this.registry.report();
    return {
      status: brokerConnected && checks.process?.status !== 'down' ? 'ok' : 'degraded',
      brokerConnected,
      storage: this.config.mongodbUri ? 'mongodb' : 'memory',
      modules: this.config.appModules,
      queues: this.server.queues,
      outboxPending: await this.outbox.pendingCount(),
      outboxPublished: this.relay.published,
      unroutedMessages: await this.publisher
        .queueDepth(this.declarer.names.unrouted)
        .catch(() => undefined),
      checks,
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
    };
  }
}
