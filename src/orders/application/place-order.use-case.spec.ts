import { createHash } from 'node:crypto';
import { IdempotencyKeyReusedError } from '../domain/idempotency-key-reused.error';
import { OrderNotFoundError } from '../domain/order-not-found.error';
import { OrderStatus } from '../domain/order-status';
import { UnknownSkuError } from '../domain/unknown-sku.error';
import { InMemoryRequestLog } from '../infrastructure/in-memory-request-log';
import { OrdersWorld, RecordingOrderRepository, pricingOf } from './orders.fixtures';
import {
  IDEMPOTENCY_KEY_TTL_MS,
  PlaceOrderCommand,
  PlaceOrderUseCase,
} from './place-order.use-case';

const cmd: PlaceOrderCommand = {
  customerEmail: 'a@b.co',
  items: [
    { sku: 'MUG', quantity: 2 },
    { sku: 'TEE', quantity: 1 },
  ],
  paymentToken: 'tok_visa',
};
const items = [
  { sku: 'MUG', name: 'Mug', quantity: 2, unitPrice: 1250 },
  { sku: 'TEE', name: 'Tee', quantity: 1, unitPrice: 2400 },
];
const hashOf = (c: PlaceOrderCommand) =>
  createHash('sha256').update(JSON.stringify(c)).digest('hex');

describe('PlaceOrderUseCase', () => {
  let world: OrdersWorld<RecordingOrderRepository>;
  let requests: InMemoryRequestLog;
  let placeOrder: PlaceOrderUseCase;

  beforeEach(async () => {
    world = new OrdersWorld(new RecordingOrderRepository());
    requests = new InMemoryRequestLog();
    placeOrder = new PlaceOrderUseCase(world.uow, world.repo, requests, await pricingOf(items));
  });

  it('stores a pending, priced order holding the token, and asks inventory to reserve', async () => {
    const order = await placeOrder.execute(cmd, 'key-1');
    expect(order.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(order.status).toBe(OrderStatus.PENDING);
    expect(order.snapshot()).toMatchObject({ customerEmail: 'a@b.co', items, currency: 'EUR' });
    expect(order.snapshot().paymentToken).toBe('tok_visa');
    expect((await world.stored(order.id)).snapshot()).toEqual(order.snapshot());
    expect(order.events).toEqual([]);
    const events = await world.published();
    expect(events).toHaveLength(1);
    // No order.placed: the token is never broadcast, it waits on the order for the charge.
    expect(events[0]).toMatchObject({ type: 'inventory.reserve-stock', kind: 'command' });
    expect(events[0].payload).toStrictEqual({
      orderId: order.id,
      items: [
        { sku: 'MUG', quantity: 2 },
        { sku: 'TEE', quantity: 1 },
      ],
    });
  });

  it('logs the key with the request hash and the order, for a day', async () => {
    const before = Date.now();
    const order = await placeOrder.execute(cmd, 'key-1');
    const after = Date.now();
    const logged = await requests.find('key-1');
    expect(logged).toMatchObject({ key: 'key-1', requestHash: hashOf(cmd), orderId: order.id });
    expect(IDEMPOTENCY_KEY_TTL_MS).toBe(24 * 3600 * 1000);
    expect(logged!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + IDEMPOTENCY_KEY_TTL_MS);
    expect(logged!.expiresAt.getTime()).toBeLessThanOrEqual(after + IDEMPOTENCY_KEY_TTL_MS);
  });

  it('places a new order each time when no idempotency key is given, logging nothing', async () => {
    const add = jest.spyOn(requests, 'add');
    const first = await placeOrder.execute(cmd);
    const second = await placeOrder.execute(cmd);
    expect(second.id).not.toBe(first.id);
    expect(add).not.toHaveBeenCalled();
    expect(await world.types()).toEqual(['inventory.reserve-stock', 'inventory.reserve-stock']);
  });

  it('replays the stored order for the same key and body, writing nothing', async () => {
    const first = await placeOrder.execute(cmd, 'key-1');
    await world.published();
    const again = await placeOrder.execute({ ...cmd }, 'key-1');
    expect(again.id).toBe(first.id);
    expect(again.snapshot()).toEqual(first.snapshot());
    expect(world.repo.saves).toBe(1);
    expect(await world.published()).toEqual([]);
  });

  it('refuses the same key with another body as a conflict, writing nothing', async () => {
    await placeOrder.execute(cmd, 'key-1');
    await world.published();
    const refusal = placeOrder.execute({ ...cmd, paymentToken: 'tok_other' }, 'key-1');
    await expect(refusal).rejects.toThrow(IdempotencyKeyReusedError);
    await expect(refusal).rejects.toMatchObject({ kind: 'conflict' });
    expect(world.repo.saves).toBe(1);
    expect(await world.published()).toEqual([]);
  });

  it('places afresh once the key has expired', async () => {
    const expiresAt = new Date(Date.now() - 1);
    const stale = { key: 'key-1', requestHash: 'other', orderId: 'gone', expiresAt };
    await world.uow.run((tx) => requests.add(stale, tx));
    const order = await placeOrder.execute(cmd, 'key-1');
    expect((await requests.find('key-1'))?.orderId).toBe(order.id);
  });

  it('refuses a replay whose order is not stored with OrderNotFoundError', async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const entry = { key: 'key-1', requestHash: hashOf(cmd), orderId: 'gone', expiresAt };
    await world.uow.run((tx) => requests.add(entry, tx));
    await expect(placeOrder.execute(cmd, 'key-1')).rejects.toThrow(new OrderNotFoundError('gone'));
  });

  it('stores nothing when pricing refuses the lines', async () => {
    await expect(
      placeOrder.execute({ ...cmd, items: [{ sku: 'NOPE', quantity: 1 }] }, 'key-1'),
    ).rejects.toThrow(UnknownSkuError);
    expect(world.repo.saves).toBe(0);
    expect(await requests.find('key-1')).toBeUndefined();
  });
});
