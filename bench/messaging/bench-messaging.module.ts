import { Controller, DynamicModule, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IsInt, IsString, Min } from 'class-validator';
import { AppConfig } from '../../src/common/config/app-config';
import { ConfigModule } from '../../src/common/config/config.module';
import { HealthModule } from '../../src/common/health/health.module';
import { MetricsModule } from '../../src/common/metrics/metrics.module';
import { OnEvent } from '../../src/messaging/consumer/on-event.decorator';
import { MessagingModule } from '../../src/messaging/messaging.module';
import { InMemoryOutboxStore } from '../../src/messaging/outbox/in-memory-outbox.store';
import { OutboxRegistry } from '../../src/messaging/outbox/outbox.registry';
import { OutboxStore } from '../../src/messaging/outbox/outbox.store';

/** A bench-only event: a sequence number and a filler that brings the message to ~1 KB. */
export class BenchMessage {
  static readonly type = 'bench.message-sent';
  static readonly version = 1;

  @IsInt()
  @Min(0)
  seq: number;

  @IsString()
  data: string;
}

/** Counts deliveries; the run resolves when the last one is handled. */
export const deliveries = {
  count: 0,
  target: Number.POSITIVE_INFINITY,
  done: (): void => undefined,
};

@Controller()
export class BenchConsumerController {
  @OnEvent(BenchMessage, 'bench')
  onMessage(@Payload() _e: BenchMessage): void {
    if (++deliveries.count === deliveries.target) deliveries.done();
  }
}

/** The messaging backbone alone: its outbox relay publishes, its subscriber consumes. */
@Module({})
export class BenchMessagingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BenchMessagingModule,
      // What the backbone needs around it in the app (AppModule), and nothing else.
      imports: [
        ConfigModule.forRoot(config),
        MessagingModule.forRoot(config),
        HealthModule,
        MetricsModule,
      ],
      controllers: [BenchConsumerController],
      providers: [
        {
          // Registered the way featurePersistence registers a module's in-memory outbox: an
          // append wakes the relay at once.
          provide: OutboxStore,
          inject: [OutboxRegistry],
          useFactory: (outboxes: OutboxRegistry) => {
            const store = new InMemoryOutboxStore(() => outboxes.notifyAppended());
            outboxes.register('bench', store);
            return store;
          },
        },
      ],
    };
  }
}
