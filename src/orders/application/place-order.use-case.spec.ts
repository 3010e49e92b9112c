import { createHash } from 'node:crypto';
import { AppConfig } from '../../common/config/app-config';
import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { RpcClient } from '../../messaging/rpc/rpc.client';
import { IdempotencyKeyReusedError } from '../domain/idempotency-key-reused.error';
import { OrderStatus } from '../domain/order-status';
import { Order } from '../domain/order.entity';
import { UnknownSkuError } from '../domain/unknown-sku.error';
import { InMemoryCatalogReadModel } from '../infrastructure/in-memory-catalog.read-model';
import { InMemoryOrderRepository } from '../infrastructure/in-memory-order.repository';
import { CatalogPricingService } from './catalog-pricing.service';
import { CatalogSync } from './catalog-sync.service';
import { DuplicateIdempotencyKeyError } from './duplicate-idempotency-key.error';
import { OutgoingEvents } from './order.repository';
import { PlaceOrderCommand, PlaceOrderUseCase } from './place-order.use-case';

/** Counts writes; `raceOnce` hides a stored key from the first lookup, as a parallel request would. */
class RecordingOrderRepository extends InMemoryOrderRepository {
  creates = 0;
  raceOnce = false;
  createError?: Error;

  async create(order: Order, events: OutgoingEvents): Promise<void> {
    this.creates++;
    if (this.createError) throw this.createError;
    return super.create(order, events);
  }

  async findByIdempotencyKey(key: string): Promise<Order | undefined> {
    if (this.raceOnce) {
      this.raceOnce = false;
      return undefined;
    }
    return super.findByIdempotencyKey(key);
  }
}

/** Inventory knows nothing beyond the read model. */
const emptyInventory = {
  request: async (_key: string, p: { skus: string[] }) => ({ products: [], unknownSkus: p.skus }),
} as unknown as RpcClient;
const cmd: PlaceOrderCommand = {
  customerEmail: 'a@b.co',
  items: [
    { sku: 'MUG', quantity: 2 },
    { sku: 'TEE', quantity: 1 },
  ],
  paymentToken: 'tok_visa',
};
const hashOf = (c: PlaceOrderCommand) =>
  createHash('sha256').update(JSON.stringify(c)).digest('hex');

describe('PlaceOrderUseCase', () => {
  let outbox: InMemoryOutboxStore;
  let repo: RecordingOrderRepository;
  let placeOrder: PlaceOrderUseCase;

  beforeEach(async () => {
    outbox = new InMemoryOutboxStore();
    repo = new RecordingOrderRepository(outbox);
    const catalog = new InMemoryCatalogReadModel();
    const asOf = new Date('2026-11-23T10:00:00.000Z');
    await catalog.upsert({
      sku: 'MUG',
      name: 'Mug',
      price: 1250,
      currency: 'EUR',
      available: 9,
      asOf,
    });
    await catalog.upsert({
      sku: 'TEE',
      name: 'Tee',
      price: 2400,
      currency: 'EUR',
      available: 9,
      asOf,
    });
    const config = new AppConfig();
    const pricing = new CatalogPricingService(
      catalog,
      new CatalogSync(catalog, config),
      emptyInventory,
      config,
    );
    placeOrder = new PlaceOrderUseCase(repo, pricing);
  });

  const published = async () =>
    (await outbox.claim(100)).map((m) => ({ routingKey: m.routingKey, ...JSON.parse(m.body) }));

  it('stores a pending, priced order and announces order.placed with the payment token', async () => {
    const order = await placeOrder.execute(cmd, 'key-1');
    const items = [
      { sku: 'MUG', name: 'Mug', quantity: 2, unitPrice: 1250 },
      { sku: 'TEE', name: 'Tee', quantity: 1, unitPrice: 2400 },
    ];
    expect(order.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(order.status).toBe(OrderStatus.PENDING);
    expect(order.snapshot()).toMatchObject({
      customerEmail: 'a@b.co',
      items,
      currency: 'EUR',
      idempotencyKey: 'key-1',
      requestHash: hashOf(cmd),
    });
    expect((await repo.findById(order.id))!.snapshot()).toEqual(order.snapshot());
    const events = await published();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      routingKey: 'order.placed',
      type: 'order.placed',
      version: 1,
    });
    expect(events[0].payload).toStrictEqual({
      orderId: order.id,
      customerEmail: 'a@b.co',
      items,
      total: 4900,
      currency: 'EUR',
      paymentToken: 'tok_visa',
    });
  });

  it('places a new order each time when no idempotency key is given', async () => {
    const first = await placeOrder.execute(cmd);
    const second = await placeOrder.execute(cmd);
    expect(second.id).not.toBe(first.id);
    expect(first.snapshot().idempotencyKey).toBeUndefined();
    expect((await published()).length).toBe(2);
  });

  it('replays the stored order for the same key and body, writing nothing', async () => {
    const first = await placeOrder.execute(cmd, 'key-1');
    await outbox.claim(100);
    const again = await placeOrder.execute({ ...cmd }, 'key-1');
    expect(again.snapshot()).toEqual(first.snapshot());
    expect(repo.creates).toBe(1);
    expect(await published()).toEqual([]);
  });

  it('refuses the same key with another body', async () => {
    await placeOrder.execute(cmd, 'key-1');
    await expect(
      placeOrder.execute({ ...cmd, paymentToken: 'tok_other' }, 'key-1'),
    ).rejects.toThrow(IdempotencyKeyReusedError);
    expect(repo.creates).toBe(1);
  });

  it('returns the winner when a parallel request with the same key stored first', async () => {
    const winner = await placeOrder.execute(cmd, 'key-1');
    repo.raceOnce = true;
    const loser = await placeOrder.execute(cmd, 'key-1');
    expect(loser.id).toBe(winner.id);
    expect(repo.creates).toBe(2);
    expect((await published()).length).toBe(1);
  });

  it('refuses a lost race whose winner had another body', async () => {
    await placeOrder.execute(cmd, 'key-1');
    repo.raceOnce = true;
    await expect(placeOrder.execute({ ...cmd, paymentToken: 'x' }, 'key-1')).rejects.toThrow(
      IdempotencyKeyReusedError,
    );
  });

  it('passes the duplicate-key failure on when the winner cannot be found', async () => {
    repo.createError = new DuplicateIdempotencyKeyError('key-1');
    await expect(placeOrder.execute(cmd, 'key-1')).rejects.toBe(repo.createError);
  });

  it('passes a duplicate-key failure on for a request that carried no key', async () => {
    const other = await placeOrder.execute(cmd, 'key-x');
    jest.spyOn(repo, 'findByIdempotencyKey').mockResolvedValue(other);
    repo.createError = new DuplicateIdempotencyKeyError('key-x');
    await expect(placeOrder.execute(cmd)).rejects.toBe(repo.createError);
  });

  it('passes any other storage failure on', async () => {
    repo.createError = new ConcurrentModificationError('Order', 'o-1');
    await expect(placeOrder.execute(cmd, 'key-1')).rejects.toBe(repo.createError);
  });

  it('stores nothing when pricing refuses the lines', async () => {
    await expect(
      placeOrder.execute({ ...cmd, items: [{ sku: 'NOPE', quantity: 1 }] }, 'key-1'),
    ).rejects.toThrow(UnknownSkuError);
    expect(repo.creates).toBe(0);
  });
});
