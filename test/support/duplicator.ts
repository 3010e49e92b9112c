import amqp, { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { AMQP_URL } from './broker';

const COPY = 'x-test-duplicate';

/**
 * At-least-once made visible: copies a share of every message published to the given exchanges
 * and publishes the copy again, same message id and body, so consumers see real duplicate
 * deliveries through the real broker. Copies are marked and never copied again.
 */
export class Duplicator {
  copied = 0;
  private connection?: ChannelModel;
  private channel?: Channel;

  constructor(
    private readonly queue: string,
    private readonly share: number,
    private readonly random: () => number,
  ) {}

  async start(bindings: Array<{ exchange: string; routingKeys: string[] }>): Promise<void> {
    this.connection = await amqp.connect(AMQP_URL);
    const ch = await this.connection.createChannel();
    this.channel = ch;
    await ch.assertQueue(this.queue, { exclusive: true, autoDelete: true });
    for (const b of bindings)
      for (const key of b.routingKeys) await ch.bindQueue(this.queue, b.exchange, key);
    await ch.consume(this.queue, (msg) => msg && this.copy(ch, msg));
  }

  async stop(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
  }

  private copy(ch: Channel, msg: ConsumeMessage): void {
    ch.ack(msg);
    if (msg.properties.headers?.[COPY] || this.random() >= this.share) return;
    this.copied += 1;
    ch.publish(msg.fields.exchange, msg.fields.routingKey, msg.content, {
      ...msg.properties,
      headers: { ...msg.properties.headers, [COPY]: 1 },
    });
  }
}
