import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ChannelModel } from 'amqplib';
import { TopologyDeclarer } from './topology.declarer';

/**
 * Earlier versions kept retries and unrouted messages in classic queues. Those queues outlive an
 * upgrade, still bound to the exchanges the new quorum queues are bound to, so every retry would
 * be copied into them and run twice. On every connect this unbinds them: they then empty
 * themselves (their messages go back as before) and an operator can delete them.
 */
@Injectable()
export class LegacyTopologyRetirer implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyTopologyRetirer.name);

  constructor(
    private readonly amqp: AmqpConnection,
    private readonly declarer: TopologyDeclarer,
  ) {}

  onApplicationBootstrap(): void {
    const manager = this.amqp.managedConnection;
    manager.on('connect', () => void this.retire());
    if (manager.isConnected()) void this.retire();
  }

  /** [queue, exchange] bindings an earlier version made. */
  legacyBindings(): Array<[string, string]> {
    const n = this.declarer.names;
    return [
      ...this.declarer.retryDelays().map((d): [string, string] => [n.retry(d), n.retry(d)]),
      [n.unrouted, n.unrouted],
    ];
  }

  async retire(): Promise<void> {
    const conn = this.amqp.managedConnection.connection;
    if (!conn) return;
    for (const [queue, exchange] of this.legacyBindings()) await this.unbind(conn, queue, exchange);
  }

  /** A channel of its own per queue: asking after one that does not exist closes it (404). */
  private async unbind(conn: ChannelModel, queue: string, exchange: string): Promise<void> {
    const ch = await conn.createChannel().catch(() => undefined);
    if (!ch) return;
    ch.on('error', () => undefined);
    try {
      const { messageCount } = await ch.checkQueue(queue);
      await ch.unbindQueue(queue, exchange, '');
      this.logger.warn(
        `${queue} is an earlier version's queue: unbound from ${exchange}; delete it once empty (${messageCount} left)`,
      );
    } catch (error) {
      const refused = /ACCESS_REFUSED/.test((error as Error).message);
      if (refused)
        this.logger.warn(
          `${queue} is an earlier version's queue and this user may not unbind it: delete it, or retries run twice`,
        );
    } finally {
      await ch.close().catch(() => undefined);
    }
  }
}
