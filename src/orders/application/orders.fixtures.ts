import { inMemoryUnitOfWork } from '../../../test/contract/support/unit-of-work-harness';
import { AppConfig } from '../../common/config/app-config';
import { MessageEnvelope } from '../../messaging/envelope/message-envelope';
import { ClaimedOutboxMessage, OutboxStore } from '../../messaging/outbox/outbox.store';
import { RpcClient } from '../../messaging/rpc/rpc.client';
import { Transaction } from '../../messaging/unit-of-work/transaction';
import { UnitOfWork } from '../../messaging/unit-of-work/unit-of-work';
import { OrderLine } from '../domain/order-line';
import { Order } from '../domain/order.entity';
import { InMemoryCatalogReadModel } from '../infrastructure/in-memory-catalog.read-model';
import { InMemoryOrderRepository } from '../infrastructure/in-memory-order.repository';
import { CatalogPricingService } from './catalog-pricing.service';
import { CatalogSync } from './catalog-sync.service';
import { orderEvents } from './order-events';

/** Lets another writer commit between the next load and the save that follows it, once. */
export class InterleavingOrderRepository extends InMemoryOrderRepository {
  interleave?: () => Promise<void>;

  async findById(id: string): Promise<Order | undefined> {
    const loaded = await super.findById(id);
    const other = this.interleave;
    this.interleave = undefined;
    if (other) await other();
    return loaded;
  }
}

/** Counts saves, and can fail them the way a store would. */
export class RecordingOrderRepository extends InMemoryOrderRepository {
  saves = 0;
  saveError?: Error;

  async save(order: Order, tx: Transaction): Promise<void> {
    this.saves++;
    if (this.saveError) throw this.saveError;
    return super.save(order, tx);
  }
}

/** Prices from a read model that holds these lines' products; inventory knows nothing more. */
export async function pricingOf(lines: OrderLine[]): Promise<CatalogPricingService> {
  const catalog = new InMemoryCatalogReadModel();
  const asOf = new Date('2026-11-23T10:00:00.000Z');
  for (const { sku, name, unitPrice: price } of lines)
    await catalog.upsert({ sku, name, price, currency: 'EUR', available: 9, asOf });
  const inventory = {
    request: async (_key: string, p: { skus: string[] }) => ({ products: [], unknownSkus: p.skus }),
  } as unknown as RpcClient;
  const config = new AppConfig();
  return new CatalogPricingService(catalog, new CatalogSync(catalog, config), inventory, config);
}

/** The payment timeout the fixtures run with, and a clock for due times. */
export const TIMEOUT_MS = 60_000;
export const LATER = new Date('2999-01-01T00:00:00.000Z');

/** What another writer (an answer, the customer, the clock) may do to a stored order, by name. */
const STEPS = {
  reserve: (o: Order) => o.stockReserved(TIMEOUT_MS),
  reject: (o: Order) => o.stockRejected('Not enough stock', []),
  pay: (o: Order) => o.paymentSucceeded('INV-1'),
  decline: (o: Order) => o.paymentFailed('card_declined'),
  refund: (o: Order) => o.paymentRefunded('refunded elsewhere'),
  release: (o: Order) => o.stockReleased('released elsewhere'),
  timeout: (o: Order) => o.timeOut(LATER),
  cancel: (o: Order) => o.cancel('Cancelled elsewhere'),
};
export type Step = keyof typeof STEPS;

/** Walks an order through the named steps; each must change it. */
export function walk(order: Order, ...steps: Step[]): Order {
  for (const s of steps)
    if (STEPS[s](order) === false) throw new Error(`Step ${s} changed nothing (${order.status})`);
  return order;
}

export function placedOrder(id: string, items: OrderLine[], at?: Date, token = 'tok_visa'): Order {
  return Order.place({ id, customerEmail: 'a@b.co', currency: 'EUR', items }, token, at);
}

/** A config whose payment timeout is TIMEOUT_MS. */
export function configWithTimeout(paymentTimeoutMs = TIMEOUT_MS): AppConfig {
  return Object.assign(new AppConfig(), { paymentTimeoutMs });
}

/** The orders module in memory: its unit of work, outbox and order repository. */
export class OrdersWorld<R extends InMemoryOrderRepository = InterleavingOrderRepository> {
  readonly uow: UnitOfWork;
  readonly outbox: OutboxStore;

  constructor(readonly repo: R) {
    const { uow, outbox } = inMemoryUnitOfWork(orderEvents);
    this.uow = uow;
    this.outbox = outbox;
  }

  /** Stores a placed order; its ReserveStock is drained, so a test sees only what it causes. */
  async seed(order: Order): Promise<void> {
    await this.uow.run((tx) => this.repo.save(order, tx));
    await this.drain();
  }

  /** Another writer loads, changes and saves the stored order in a unit of work of its own. */
  move(id: string, ...steps: Step[]): Promise<void> {
    return this.uow.run(async (tx) => {
      const order = await this.repo.findById(id);
      if (!order) throw new Error(`No stored order ${id} to move`);
      walk(order, ...steps);
      await this.repo.save(order, tx);
    });
  }

  /** Everything announced since the last call, as the envelopes that went out, in order. */
  async published(): Promise<MessageEnvelope<Record<string, unknown>>[]> {
    return (await this.drain()).map((m) => JSON.parse(m.body));
  }

  async types(): Promise<string[]> {
    return (await this.drain()).map((m) => m.routingKey);
  }

  async stored(id: string): Promise<Order> {
    const order = await this.repo.findById(id);
    if (!order) throw new Error(`No stored order ${id}`);
    return order;
  }

  // Not drainOutbox: that sorts by message id, and these tests care in which order things went out.
  private async drain(): Promise<ClaimedOutboxMessage[]> {
    const claimed = await this.outbox.claim(1_000);
    await this.outbox.markSent(claimed);
    return claimed;
  }
}
