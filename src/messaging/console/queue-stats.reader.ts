import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable } from '@nestjs/common';
import type { Channel } from 'amqplib';

export interface QueueStats {
  queue: string;
  messages?: number;
  consumers?: number;
  error?: string;
}

/**
 * Depth and consumers by passive declare, on a channel of its own: asking after a queue that is
 * gone closes the channel (404), which must not take the publisher's channel with it.
 */
@Injectable()
export class QueueStatsReader {
  constructor(private readonly amqp: AmqpConnection) {}

  async read(queues: string[]): Promise<QueueStats[]> {
    const conn = this.amqp.managedConnection?.connection;
    if (!conn) return queues.map((queue) => ({ queue, error: 'broker not connected' }));
    const out: QueueStats[] = [];
    let ch: Channel | undefined;
    for (const queue of queues) {
      try {
        ch ??= await conn.createChannel();
        ch.on('error', () => undefined);
        const { messageCount, consumerCount } = await ch.checkQueue(queue);
        out.push({ queue, messages: messageCount, consumers: consumerCount });
      } catch (error) {
        out.push({ queue, error: (error as Error).message.slice(0, 120) });
        ch = undefined;
      }
    }
    await ch?.close().catch(() => undefined);
    return out;
  }
}
