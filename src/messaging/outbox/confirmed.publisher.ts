import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { ChannelWrapper, Options } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import { TopologyDeclarer } from '../topology/topology.declarer';

const PUBLISH_TIMEOUT_MS = 5000;

/**
 * The process's one publishing channel, in confirm mode. A publish resolves only when the
 * broker has the message, and rejects after a timeout instead of waiting out a broker outage;
 * callers keep the message (outbox, dead-letter store) until it resolves.
 */
@Injectable()
export class ConfirmedPublisher implements OnApplicationShutdown {
  private wrapper?: ChannelWrapper;

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly declarer: TopologyDeclarer,
  ) {}

  get connected(): boolean {
    return this.amqp.managedConnection?.isConnected() ?? false;
  }

  async publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: Options.Publish,
  ): Promise<void> {
    await this.channel().publish(exchange, routingKey, content, {
      persistent: true,
      ...options,
      timeout: PUBLISH_TIMEOUT_MS,
    });
  }

  /** Messages waiting in a queue, or undefined while the broker is away. */
  async queueDepth(queue: string): Promise<number | undefined> {
    if (!this.connected) return undefined;
    return (await this.channel().checkQueue(queue)).messageCount;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.wrapper?.close().catch(() => undefined);
  }

  private channel(): ChannelWrapper {
    this.wrapper ??= this.amqp.managedConnection.createChannel({
      name: 'orderflow-publisher',
      confirm: true,
      setup: (ch: ConfirmChannel) => this.declarer.declareShared(ch),
    });
    return this.wrapper;
  }
}
