import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { createHash } from 'node:crypto';
import { QueueConsumer, Settle } from '../consumer/queue-consumer';
import {
  H,
  MAX_ATTEMPT,
  MAX_REPLAY_COUNT,
  headerCountOr,
  headerDate,
  headerString,
} from '../consumer/message-headers';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { DeadLetterRecord } from './dead-letter.record';
import { DeadLetterStore } from './dead-letter.store';

interface XDeath {
  queue?: string;
  reason?: string;
  count?: number;
  time?: { value?: number } | Date;
}

/** Moves dead letters from the broker's queue into the store, where they can be read and replayed. */
@Injectable()
export class DeadLetterRecorder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadLetterRecorder.name);
  private consumer?: QueueConsumer;

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly declarer: TopologyDeclarer,
    private readonly store: DeadLetterStore,
  ) {}

  onApplicationBootstrap(): void {
    this.consumer = new QueueConsumer(this.amqp.managedConnection, {
      queue: this.declarer.names.deadLetterQueue,
      prefetch: 50,
      setup: (ch) => this.declarer.declareShared(ch),
      handle: (msg) => this.record(msg),
    });
    void this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  private async record(msg: ConsumeMessage): Promise<Settle> {
    try {
      const record = this.toRecord(msg);
      await this.store.save(record);
      this.logger.warn(
        `Parked ${record.type ?? 'message'} ${record.messageId ?? ''} from ${record.queue}: ${record.errorMessage}`,
      );
      return 'ack';
    } catch (err) {
      this.logger.error(`Could not record a dead letter: ${(err as Error).message}`);
      return 'requeue';
    }
  }

  toRecord(msg: ConsumeMessage): DeadLetterRecord {
    const h = (msg.properties.headers ?? {}) as Record<string, unknown>;
    // Messages the broker dead-lettered itself (delivery limit) carry only x-death.
    const death = (Array.isArray(h['x-death']) ? h['x-death'][0] : undefined) as XDeath | undefined;
    const deathTime =
      death?.time instanceof Date
        ? death.time
        : death?.time?.value
          ? new Date(death.time.value * 1000)
          : undefined;
    const now = new Date();
    const queue = headerString(h, H.originalQueue) ?? death?.queue ?? 'unknown';
    // Headers may come from any producer that reached the exchange: a bad one is read as absent.
    const lastFailedAt = headerDate(h, H.lastFailedAt) ?? validDate(deathTime) ?? now;
    const messageId = msg.properties.messageId as string | undefined;
    const originalRoutingKey = headerString(h, H.originalRoutingKey) ?? msg.fields.routingKey;
    const headers = Object.fromEntries(
      Object.entries(h)
        .filter(
          ([k, v]) => !k.startsWith('x-') && !k.startsWith('of-') && v !== undefined && v !== null,
        )
        .map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString() : String(v)]),
    );
    const identity = `${queue}|${messageId ?? createHash('sha1').update(msg.content).digest('hex')}|${lastFailedAt.toISOString()}`;
    return {
      id: createHash('sha1').update(identity).digest('hex').slice(0, 24),
      messageId,
      // A producer that set no type still published under a routing key, which is the event type.
      type: (msg.properties.type as string | undefined) ?? originalRoutingKey,
      queue,
      consumer: headerString(h, H.consumer),
      host: headerString(h, H.host),
      originalExchange: headerString(h, H.originalExchange) ?? msg.fields.exchange,
      originalRoutingKey,
      errorType: headerString(h, H.errorType) ?? `broker:${death?.reason ?? 'rejected'}`,
      errorMessage:
        headerString(h, H.errorMessage) ??
        `Dead-lettered by the broker (${death?.reason ?? 'unknown'}), e.g. a consumer that kept crashing`,
      errorStack: headerString(h, H.errorStack),
      permanent: headerString(h, H.permanent) === 'true',
      attempts:
        headerCountOr(h, H.attempt, MAX_ATTEMPT, 0) ||
        (Number.isSafeInteger(death?.count) ? (death?.count as number) : 1),
      firstFailedAt: headerDate(h, H.firstFailedAt) ?? lastFailedAt,
      lastFailedAt,
      deadLetteredAt: now,
      bodyBase64: msg.content.toString('base64'),
      contentType: msg.properties.contentType as string | undefined,
      correlationId: msg.properties.correlationId as string | undefined,
      headers,
      status: 'PARKED',
      // An unreadable count is taken as spent, so the automatic re-drive leaves it to a person.
      replayCount: headerCountOr(h, H.replayCount, MAX_REPLAY_COUNT, MAX_REPLAY_COUNT),
    };
  }
}

function validDate(date: Date | undefined): Date | undefined {
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
