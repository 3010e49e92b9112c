import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { ChannelWrapper, Options } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import { MessageTaps } from '../observability/message-taps';
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
  private readonly closedBy = new WeakMap<ChannelWrapper, Error>();

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly declarer: TopologyDeclarer,
  ) {}

  get connected(): boolean {
    return this.amqp.managedConnection?.isConnected() ?? false;
  }

  /** Rejects with the broker's own error when it closed the channel over this publish. */
  async publish(
    exchange: string,
    routingKey: string,
    content: Buffer,
    options: Options.Publish,
    /** The module publishing it from its outbox, for the taps. */
    module?: string,
  ): Promise<void> {
    const wrapper = this.channel();
    const publication = {
      module,
      exchange,
      routingKey,
      headers: { ...options.headers },
      messageId: options.messageId,
      correlationId: options.correlationId,
      type: options.type,
      content,
    };
    MessageTaps.publishing(publication);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      await wrapper.publish(exchange, routingKey, content, {
        persistent: true,
        ...options,
        headers: publication.headers,
        timeout: PUBLISH_TIMEOUT_MS,
      });
      MessageTaps.published({ ...publication, outcome: 'confirmed', seconds: seconds() });
    } catch (error) {
      const reason = this.closedBy.get(wrapper) ?? error;
      MessageTaps.published({
        ...publication,
        outcome: 'failed',
        seconds: seconds(),
        error: reason,
      });
      throw reason;
    }
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
    this.wrapper ??= this.open();
    return this.wrapper;
  }

  private open(): ChannelWrapper {
    const wrapper: ChannelWrapper = this.amqp.managedConnection.createChannel({
      name: 'orderflow-publisher',
      confirm: true,
      setup: async (ch: ConfirmChannel) => {
        // Unheard, amqplib rethrows a channel error (e.g. ACCESS_REFUSED on one publish) and
        // takes the whole connection down, every consumer with it.
        ch.on('error', (error: Error) => this.closed(wrapper, error));
        await this.declarer.declareShared(ch);
      },
    });
    wrapper.on('error', (error: Error) => this.closed(wrapper, error));
    return wrapper;
  }

  /**
   * The broker closed the channel: what waits on it fails with the broker's reason, and the
   * next publish opens a new one (the wrapper itself would wait for a reconnect that never comes).
   */
  private closed(wrapper: ChannelWrapper, error: Error): void {
    if (!this.closedBy.has(wrapper)) this.closedBy.set(wrapper, error);
    if (this.wrapper === wrapper) this.wrapper = undefined;
    void wrapper.close().catch(() => undefined);
  }
}
