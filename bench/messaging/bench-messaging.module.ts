import { Controller, DynamicModule, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IsInt, IsString, Min } from 'class-validator';
import { AppConfig } from '../../src/common/config/app-config';
import { ConfigModule } from '../../src/common/config/config.module';
import { OnEvent } from '../../src/messaging/consumer/on-event.decorator';
import { MessagingModule } from '../../src/messaging/messaging.module';
import { outboxProvider } from '../../src/messaging/outbox/outbox.providers';

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
      imports: [ConfigModule.forRoot(config), MessagingModule.forRoot(config)],
      controllers: [BenchConsumerController],
      providers: [outboxProvider('bench', false)],
    };
  }
}
