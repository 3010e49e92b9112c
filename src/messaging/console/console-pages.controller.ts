import { Controller, Get, Header, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RabbitEventServer } from '../consumer/rabbit-event.server';
import { MessageJournal } from '../journal/message-journal';
import { ConfirmedPublisher } from '../outbox/confirmed.publisher';
import { OutboxRegistry } from '../outbox/outbox.registry';
import { TopologyDeclarer } from '../topology/topology.declarer';
import { brokerPage } from './broker.page';
import { ConsoleLoginFilter } from './console-login.filter';
import { ConsoleOrderLookup } from './console-order.lookup';
import { ConsoleSessionGuard } from './console-session.guard';
import { orderPage } from './order.page';
import { QueueStatsReader } from './queue-stats.reader';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Find an order, and the broker view. */
@ApiExcludeController()
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleLoginFilter)
@Controller('console')
export class ConsolePagesController {
  constructor(
    private readonly journal: MessageJournal,
    private readonly orders: ConsoleOrderLookup,
    private readonly stats: QueueStatsReader,
    private readonly declarer: TopologyDeclarer,
    private readonly server: RabbitEventServer,
    private readonly outbox: OutboxRegistry,
    private readonly publisher: ConfirmedPublisher,
  ) {}

  @Get('orders')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async order(@Query('id') raw?: unknown): Promise<string> {
    const id = typeof raw === 'string' ? raw.trim() : '';
    if (!UUID.test(id)) return orderPage(undefined);
    const [order, entries] = await Promise.all([this.orders.find(id), this.journal.forOrder(id)]);
    return orderPage({
      id,
      order,
      entries,
      ordersHere: this.orders.available,
      journalShared: this.journal.shared,
    });
  }

  @Get('broker')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async broker(): Promise<string> {
    const queues = [...this.declarer.declared.queues].sort();
    return brokerPage(
      {
        connected: this.publisher.connected,
        queues: await this.stats.read(queues),
        consumedHere: this.server.queues,
        outboxPending: await this.outbox.pendingCount(),
        outboxOldest: await this.outbox.oldestPendingAt(),
      },
      new Date(),
    );
  }
}
