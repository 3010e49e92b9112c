import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { copyOptions } from '../consumer/copy-options';
import { publishConfirmed } from '../consumer/publish-confirmed';
import { QueueConsumer, Settle } from '../consumer/queue-consumer';
import { MessagingMetrics } from '../metrics/messaging.metrics';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { DeadLetterRecord } from './dead-letter.record';
import { DeadLetterStore } from './dead-letter.store';
import { readDeadLetter } from './read-dead-letter';
import { reparkHeaders } from './repark-headers';

/** Waits between tries to store one dead letter; after the last, it is re-parked. */
export const SAVE_BACKOFF_MS = [500, 1000, 2000, 4000, 8000];

/**
 * Moves dead letters from the broker's queue into the store, where they can be read and replayed.
 *
 * It never hands one back to the queue. The dead-letter queue is a quorum queue without a
 * dead-letter exchange of its own, and RabbitMQ 4 gives it a delivery limit of 20: a message
 * returned more often than that is dropped. So while the store fails, the recorder holds the
 * message and tries again; then it publishes a fresh copy (delivery count 0, confirmed first)
 * and acks the original. The copy names its record, so storing it later keeps one record.
 */
@Injectable()
export class DeadLetterRecorder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadLetterRecorder.name);
  private consumer?: QueueConsumer;
  private stopping = false;
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly declarer: TopologyDeclarer,
    private readonly store: DeadLetterStore,
    @Optional() private readonly metrics?: MessagingMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.consumer = new QueueConsumer(this.amqp.managedConnection, {
      queue: this.declarer.names.deadLetterQueue,
      prefetch: 50,
      setup: (ch) => this.declarer.declareShared(ch),
      handle: (msg, ch) => this.record(msg, ch),
    });
    void this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Held messages stop waiting and are re-parked while the channel is still open.
    this.stopping = true;
    this.sleepers.forEach((wake) => wake());
    await this.consumer?.stop();
  }

  async record(msg: ConsumeMessage, channel: ConfirmChannel): Promise<Settle> {
    const record = readDeadLetter(msg, new Date());
    for (let attempt = 0; ; attempt++) {
      try {
        await this.store.save(record);
        this.metrics?.deadLettered(record);
        this.logger.warn(
          `Parked ${record.type ?? 'message'} ${record.messageId ?? ''} from ${record.queue}: ${record.errorMessage}`,
        );
        return 'ack';
      } catch (error) {
        const wait = SAVE_BACKOFF_MS[attempt];
        if (wait === undefined || this.stopping) return this.repark(msg, channel, record, error);
        await this.sleep(wait);
      }
    }
  }

  private async repark(
    msg: ConsumeMessage,
    channel: ConfirmChannel,
    record: DeadLetterRecord,
    error: unknown,
  ): Promise<Settle> {
    const why = `Could not record dead letter ${record.id}: ${(error as Error).message}`;
    const p = msg.properties;
    try {
      await publishConfirmed(
        channel,
        this.declarer.names.deadLetter,
        msg.fields.routingKey,
        msg.content,
        copyOptions(msg, reparkHeaders(p.headers, record)),
      );
      this.logger.error(`${why}; re-parked as a fresh copy, to be recorded later`);
      return 'ack';
    } catch (publishError) {
      // Only when the broker itself fails: a return, counted, is then all that is left.
      this.logger.error(`${why}; re-parking failed too: ${(publishError as Error).message}`);
      return 'requeue';
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
