import { Logger } from '@nestjs/common';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';

export type Settle = 'ack' | 'requeue' | 'drop';
export type DeliveryHandler = (msg: ConsumeMessage, channel: ConfirmChannel) => Promise<Settle>;

export interface QueueConsumerOptions {
  queue: string;
  prefetch: number;
  /** Declares what this consumer needs; runs on every (re)connect before consuming. */
  setup: (channel: ConfirmChannel) => Promise<void>;
  handle: DeliveryHandler;
}

/**
 * One queue, one channel, manual acks. The channel wrapper re-runs setup and re-attaches the
 * consumer after a broker restart; stop() cancels, then waits for the messages in flight.
 */
export class QueueConsumer {
  private readonly logger = new Logger(QueueConsumer.name);
  private wrapper?: ChannelWrapper;
  private channel?: ConfirmChannel;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly connection: AmqpConnectionManager,
    private readonly options: QueueConsumerOptions,
  ) {}

  get queue(): string {
    return this.options.queue;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  async start(): Promise<void> {
    const { queue, prefetch } = this.options;
    this.wrapper = this.connection.createChannel({
      name: `consumer:${queue}`,
      confirm: true,
      setup: async (ch: ConfirmChannel) => {
        this.channel = ch;
        await this.options.setup(ch);
      },
    });
    this.wrapper.on('error', (err: Error) =>
      this.logger.error(`Channel for ${queue} failed: ${err.message}`),
    );
    // consume() resolves only once connected; never block startup on the broker.
    void this.wrapper
      .consume(queue, (msg) => this.track(msg), { noAck: false, prefetch })
      .catch((err: Error) => this.logger.error(`Cannot consume ${queue}: ${err.message}`));
  }

  /** Resolves once the channel is up and its setup (topology) has run. */
  async ready(): Promise<void> {
    await this.wrapper?.waitForConnect();
  }

  /** Stops new deliveries, then waits for the in-flight ones to settle. */
  async stop(): Promise<void> {
    if (this.stopped || !this.wrapper) return;
    this.stopped = true;
    await this.wrapper.cancelAll().catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    await this.wrapper.close().catch(() => undefined);
  }

  private track(msg: ConsumeMessage): void {
    const channel = this.channel;
    if (!channel) return;
    if (this.stopped) {
      // Arrived between cancel and cancel-ok: hand it back untouched.
      this.settle(channel, msg, 'requeue');
      return;
    }
    const p = this.options
      .handle(msg, channel)
      .catch((err: Error) => {
        this.logger.error(`Unhandled failure on ${this.queue}; requeueing: ${err.message}`);
        return 'requeue' as const;
      })
      .then((outcome) => this.settle(channel, msg, outcome));
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private settle(channel: ConfirmChannel, msg: ConsumeMessage, outcome: Settle): void {
    // A delivery tag belongs to the channel it came on; after a reconnect the broker has
    // already requeued it, and acking on the new channel would close that channel.
    if (channel !== this.channel) return;
    try {
      if (outcome === 'ack') channel.ack(msg);
      else channel.nack(msg, false, outcome === 'requeue');
    } catch (err) {
      this.logger.warn(`Could not settle a message on ${this.queue}: ${(err as Error).message}`);
    }
  }
}
