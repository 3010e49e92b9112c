import { Logger } from '@nestjs/common';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { AccessRefusalLog } from '../connection/access-refusal.log';

const REOPEN_DELAY_MS = 1000;

/**
 * requeue: this delivery failed and goes back (basic.reject, which every RabbitMQ counts toward a
 * quorum queue's delivery limit; 4.3+ no longer counts basic.nack). release: handed back unread,
 * no fault of the message's (basic.nack, uncounted on 4.3+). drop: to the dead-letter exchange.
 */
export type Settle = 'ack' | 'requeue' | 'release' | 'drop';
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
  private readonly refusals = new AccessRefusalLog(this.logger);
  private wrapper?: ChannelWrapper;
  private channel?: ConfirmChannel;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private channelOpen = false;
  private reopenTimer?: NodeJS.Timeout;

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

  /**
   * True while the broker delivers to this consumer: its channel is open and holds the consumer
   * (amqplib keeps a channel's consumers by tag, and drops one the broker cancelled). After a
   * reconnect that could not re-attach it, readiness sees false here.
   */
  get consuming(): boolean {
    const ch = this.channel as (ConfirmChannel & { consumers?: Map<string, unknown> }) | undefined;
    return !this.stopped && this.channelOpen && (ch?.consumers?.size ?? 0) > 0;
  }

  async start(): Promise<void> {
    const { queue, prefetch } = this.options;
    this.wrapper = this.connection.createChannel({
      name: `consumer:${queue}`,
      confirm: true,
      setup: async (ch: ConfirmChannel) => {
        this.channel = ch;
        this.channelOpen = true;
        ch.once('close', () => {
          if (this.channel === ch) this.channelOpen = false;
        });
        this.isolateChannelErrors(ch);
        await this.options.setup(ch);
        this.refusals.cleared(`Consumer of ${queue}`);
      },
    });
    this.wrapper.on('error', (err: Error) => {
      if (!this.refusals.report(err, `Consumer of ${queue}`))
        this.logger.error(`Channel for ${queue} failed: ${err.message}`);
    });
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
    clearTimeout(this.reopenTimer);
    await this.wrapper.cancelAll().catch(() => undefined);
    await Promise.allSettled([...this.inFlight]);
    await this.wrapper.close().catch(() => undefined);
  }

  /**
   * The broker closes a channel, not the connection, for a channel-level error (e.g. publishing to
   * an exchange that does not exist). amqplib re-throws an 'error' event nobody listens to, which
   * takes the whole connection down: every consumer and the outbox relay with it. Listening keeps
   * the fault on this channel; the connection manager only replaces channels on reconnect, so
   * this consumer opens a new one itself, after a pause so a repeating fault cannot spin.
   */
  private isolateChannelErrors(ch: ConfirmChannel): void {
    let failed = false;
    ch.on('error', (err: Error) => {
      failed = true;
      if (!this.refusals.report(err, `Consumer of ${this.queue}`))
        this.logger.error(`Channel for ${this.queue} closed by the broker: ${err.message}`);
    });
    ch.once('close', () => {
      if (!failed || this.stopped || !this.connection.isConnected()) return;
      this.reopenTimer = setTimeout(() => this.reopen(), REOPEN_DELAY_MS);
      this.reopenTimer.unref();
    });
  }

  private reopen(): void {
    if (this.stopped) return;
    const old = this.wrapper;
    if (!this.refusals.refusing) this.logger.warn(`Reopening the channel for ${this.queue}`);
    void this.start();
    void old?.close().catch(() => undefined);
  }

  private track(msg: ConsumeMessage): void {
    const channel = this.channel;
    if (!channel) return;
    if (this.stopped) {
      // Arrived between cancel and cancel-ok: hand it back untouched.
      this.settle(channel, msg, 'release');
      return;
    }
    const p = this.handleAndSettle(channel, msg);
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    void p.then(done, done);
  }

  /** One async step per delivery, not a chain of promises: this runs for every message. */
  private async handleAndSettle(channel: ConfirmChannel, msg: ConsumeMessage): Promise<void> {
    let outcome: Settle;
    try {
      outcome = await this.options.handle(msg, channel);
    } catch (err) {
      this.logger.error(
        `Unhandled failure on ${this.queue}; requeueing: ${(err as Error).message}`,
      );
      outcome = 'requeue';
    }
    this.settle(channel, msg, outcome);
  }

  private settle(channel: ConfirmChannel, msg: ConsumeMessage, outcome: Settle): void {
    // A delivery tag belongs to the channel it came on; after a reconnect the broker has
    // already requeued it, and acking on the new channel would close that channel.
    if (channel !== this.channel) return;
    try {
      if (outcome === 'ack') channel.ack(msg);
      else if (outcome === 'release') channel.nack(msg, false, true);
      else channel.reject(msg, outcome === 'requeue');
    } catch (err) {
      this.logger.warn(`Could not settle a message on ${this.queue}: ${(err as Error).message}`);
    }
  }
}
