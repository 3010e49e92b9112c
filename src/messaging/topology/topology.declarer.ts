import { Injectable } from '@nestjs/common';
import type { Channel } from 'amqplib';
import { AppConfig } from '../../common/config/app-config';
import { TopologyNames } from './topology-names';

/** A crash-looping message is dead-lettered by the broker after this many deliveries. */
export const DELIVERY_LIMIT = 10;
const UNROUTED_MAX = 10_000;

/**
 * Declares the topology from code. Every declaration is idempotent, and runs again in each
 * channel's setup, so a broker that restarted empty gets everything back on reconnect.
 */
@Injectable()
export class TopologyDeclarer {
  readonly names: TopologyNames;

  constructor(private readonly config: AppConfig) {
    this.names = new TopologyNames(config.amqpNamePrefix);
  }

  async declareShared(ch: Channel): Promise<void> {
    const n = this.names;
    await ch.assertExchange(n.unrouted, 'fanout', { durable: true });
    await ch.assertQueue(n.unrouted, {
      durable: true,
      arguments: { 'x-max-length': UNROUTED_MAX, 'x-overflow': 'drop-head' },
    });
    await ch.bindQueue(n.unrouted, n.unrouted, '');
    await ch.assertExchange(n.events, 'topic', { durable: true, alternateExchange: n.unrouted });
    await ch.assertExchange(n.redeliver, 'direct', { durable: true });
    await ch.assertExchange(n.deadLetter, 'fanout', { durable: true });
    await ch.assertQueue(n.deadLetterQueue, {
      durable: true,
      arguments: { 'x-queue-type': 'quorum' },
    });
    await ch.bindQueue(n.deadLetterQueue, n.deadLetter, '');
  }

  /** One exchange and TTL queue per delay, shared by every subscription that uses that delay. */
  async declareRetryQueues(ch: Channel, delaysMs: number[]): Promise<void> {
    const n = this.names;
    for (const delay of new Set(delaysMs)) {
      await ch.assertExchange(n.retry(delay), 'fanout', { durable: true });
      // Dead-lettering keeps the routing key, which is the target queue's name: after the TTL the
      // message goes back through `redeliver` to that one queue.
      await ch.assertQueue(n.retry(delay), {
        durable: true,
        arguments: { 'x-message-ttl': delay, 'x-dead-letter-exchange': n.redeliver },
      });
      await ch.bindQueue(n.retry(delay), n.retry(delay), '');
    }
  }

  async declareSubscription(
    ch: Channel,
    queue: string,
    eventType: string,
    retryDelaysMs: number[],
  ): Promise<void> {
    await this.declareRetryQueues(ch, retryDelaysMs);
    await ch.assertQueue(queue, {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-delivery-limit': DELIVERY_LIMIT,
        'x-dead-letter-exchange': this.names.deadLetter,
      },
    });
    await ch.bindQueue(queue, this.names.events, eventType);
    await ch.bindQueue(queue, this.names.redeliver, queue);
  }

  async declareRpcQueue(ch: Channel, queue: string): Promise<void> {
    // Requests are only worth answering while the caller still waits: no durability needed.
    await ch.assertQueue(queue, {
      durable: false,
      arguments: { 'x-message-ttl': this.config.rpcTimeoutMs },
    });
  }

  retryDelays(): number[] {
    return [...new Set(this.config.retryDelaysMs)];
  }
}
