import { Injectable } from '@nestjs/common';
import type { Channel, Options } from 'amqplib';
import { AppConfig } from '../../common/config/app-config';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { TopologyNames } from './topology-names';

/** A crash-looping message is dead-lettered by the broker after this many deliveries. */
export const DELIVERY_LIMIT = 10;
/**
 * How long a delivery may stay unacked before the broker takes it back (RabbitMQ 3.12+ reads
 * `x-consumer-timeout`; older brokers ignore it and use their global 30 min). Handlers that
 * may wait on slow outside servers (SMTP) ask for more with @OnEvent's consumerTimeoutMs.
 */
export const DEFAULT_CONSUMER_TIMEOUT_MS = 5 * 60_000;
const UNROUTED_MAX = 10_000;

/**
 * Every durable queue is a quorum queue: replicated over the cluster (3 members by default),
 * so losing a node loses no message. Dead-lettering out of retry queues is at-least-once, which
 * RabbitMQ allows only with reject-publish overflow; they have no length limit, so it never acts.
 */
const QUORUM = { 'x-queue-type': 'quorum' } as const;
const AT_LEAST_ONCE_DEAD_LETTERING = {
  'x-dead-letter-strategy': 'at-least-once',
  'x-overflow': 'reject-publish',
} as const;

export interface SubscriptionQueueOptions {
  source?: 'events' | 'commands';
  consumerTimeoutMs?: number;
}

/**
 * Declares the topology from code. Every declaration is idempotent, and runs again in each
 * channel's setup, so a broker that restarted empty gets everything back on reconnect.
 */
@Injectable()
export class TopologyDeclarer {
  readonly names: TopologyNames;
  /** Unique per process: names the per-instance queues of broadcast subscriptions. */
  readonly instanceId = `${hostname().replace(/[^A-Za-z0-9-]/g, '')}-${process.pid}-${randomBytes(2).toString('hex')}`;

  constructor(private readonly config: AppConfig) {
    this.names = new TopologyNames(config.amqpNamePrefix);
  }

  async declareShared(ch: Channel): Promise<void> {
    const n = this.names;
    await this.exchange(ch, n.unrouted, 'fanout', { durable: true });
    await this.queue(ch, n.unroutedQueue, {
      durable: true,
      arguments: { ...QUORUM, 'x-max-length': UNROUTED_MAX, 'x-overflow': 'drop-head' },
    });
    await ch.bindQueue(n.unroutedQueue, n.unrouted, '');
    await this.exchange(ch, n.events, 'topic', { durable: true, alternateExchange: n.unrouted });
    // A command no module is bound for is kept in the unrouted queue, not dropped.
    await this.exchange(ch, n.commands, 'direct', { durable: true, alternateExchange: n.unrouted });
    // A retry or replay whose queue is gone (a broadcast instance that died, a removed
    // subscription) is kept in the unrouted queue; at-least-once dead-lettering out of a retry
    // queue would otherwise hold it there, retrying, for good.
    await this.exchange(ch, n.redeliver, 'direct', {
      durable: true,
      alternateExchange: n.unrouted,
    });
    await this.exchange(ch, n.deadLetter, 'fanout', { durable: true });
    await this.queue(ch, n.deadLetterQueue, { durable: true, arguments: QUORUM });
    await ch.bindQueue(n.deadLetterQueue, n.deadLetter, '');
  }

  /** One exchange and TTL queue per delay, shared by every subscription that uses that delay. */
  async declareRetryQueues(ch: Channel, delaysMs: number[]): Promise<void> {
    const n = this.names;
    for (const delay of new Set(delaysMs)) {
      await this.exchange(ch, n.retry(delay), 'fanout', { durable: true });
      // Dead-lettering keeps the routing key, which is the target queue's name: after the TTL the
      // message goes back through `redeliver` to that one queue.
      await this.queue(ch, n.retryQueue(delay), {
        durable: true,
        arguments: {
          ...QUORUM,
          ...AT_LEAST_ONCE_DEAD_LETTERING,
          'x-message-ttl': delay,
          'x-dead-letter-exchange': n.redeliver,
        },
      });
      await ch.bindQueue(n.retryQueue(delay), n.retry(delay), '');
    }
  }

  async declareSubscription(
    ch: Channel,
    queue: string,
    eventType: string,
    retryDelaysMs: number[],
    options: SubscriptionQueueOptions = {},
  ): Promise<void> {
    await this.declareRetryQueues(ch, retryDelaysMs);
    await this.queue(ch, queue, {
      durable: true,
      arguments: {
        ...QUORUM,
        'x-delivery-limit': DELIVERY_LIMIT,
        'x-dead-letter-exchange': this.names.deadLetter,
        'x-consumer-timeout': options.consumerTimeoutMs ?? DEFAULT_CONSUMER_TIMEOUT_MS,
      },
    });
    await ch.bindQueue(queue, this.names[options.source ?? 'events'], eventType);
    await ch.bindQueue(queue, this.names.redeliver, queue);
  }

  /**
   * The seeds' cache-invalidation pattern: events → fanout exchange → one exclusive, auto-delete
   * queue per instance. The queue goes when the instance goes; it holds no work worth keeping.
   */
  async declareBroadcastSubscription(
    ch: Channel,
    queue: string,
    eventType: string,
    retryDelaysMs: number[],
  ): Promise<void> {
    const fanout = this.names.broadcast(eventType);
    await this.declareRetryQueues(ch, retryDelaysMs);
    await this.exchange(ch, fanout, 'fanout', { durable: true });
    await ch.bindExchange(fanout, this.names.events, eventType);
    await this.queue(ch, queue, {
      durable: false,
      exclusive: true,
      autoDelete: true,
      arguments: { 'x-dead-letter-exchange': this.names.deadLetter },
    });
    await ch.bindQueue(queue, fanout, '');
    await ch.bindQueue(queue, this.names.redeliver, queue);
  }

  async declareRpcQueue(ch: Channel, queue: string): Promise<void> {
    // Requests are only worth answering while the caller still waits: no durability needed.
    await this.queue(ch, queue, {
      durable: false,
      arguments: { 'x-message-ttl': this.config.rpcTimeoutMs },
    });
  }

  /** Everything this process declared, so a test run can remove exactly what it made. */
  readonly declared = { exchanges: new Set<string>(), queues: new Set<string>() };

  private async exchange(
    ch: Channel,
    name: string,
    type: string,
    options: Options.AssertExchange,
  ): Promise<void> {
    await ch.assertExchange(name, type, options);
    this.declared.exchanges.add(name);
  }

  private async queue(ch: Channel, name: string, options: Options.AssertQueue): Promise<void> {
    await ch.assertQueue(name, options);
    this.declared.queues.add(name);
  }

  retryDelays(): number[] {
    return [...new Set(this.config.retryDelaysMs)];
  }
}
