// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError } from '../../src/common/errors/concurrent-modification.error';
import { InMemoryOutboxStore } from '../../src/messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../../src/messaging/outbox/mongo-outbox.store';
import { OutboxStore } from '../../src/messaging/outbox/outbox.store';
import { OrderEvents } from '../../src/orders/application/order-events';
import { DuplicateIdempotencyKeyError } from '../../src/orders/application/duplicate-idempotency-key.error';
import { OrderRepository } from '../../src/orders/application/order.repository';
import { Order } from '../../src/orders/domain/order.entity';
import { OrderStatus } from '../../src/orders/domain/order-status';
import { InMemoryOrderRepository } from '../../src/orders/infrastructure/in-memory-order.repository';
import { MongoOrderRepository } from '../../src/orders/infrastructure/mongo-order.repository';
import { describeAdapters } from './support/adapter-harness';
import { asOutbox, drainOutbox } from './support/outbox-assertions';

interface Subject {
  repo: OrderRepository;
  outbox: OutboxStore;
}

function placeOrder(opts: { idempotencyKey?: string; at?: Date } = {}): Order {
  return Order.place(
    {
      id: randomUUID(),
      customerEmail: 'ada@example.com',
      items: [
        { sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 },
        { sku: 'SKU-TEE', name: 'T-shirt', quantity: 1, unitPrice: 2400 },
      ],
      currency: 'EUR',
      idempotencyKey: opts.idempotencyKey,
      requestHash: opts.idempotencyKey && `hash-of-${opts.idempotencyKey}`,
    },
    opts.at ?? new Date('2026-03-01T10:00:00.000Z'),
  );
}

describeAdapters<Subject>(
  'OrderRepository',
  {
    memory: () => {
      const outbox = new InMemoryOutboxStore();
      return { adapter: { repo: new InMemoryOrderRepository(outbox), outbox } };
    },
    mongo: (connection) => {
      const outbox = new MongoOutboxStore(connection);
      return { adapter: { repo: new MongoOrderRepository(connection, outbox), outbox } };
    },
  },
  (subject) => {
    describe('create', () => {
      it('round-trips every field of the order', async () => {
        const { repo } = subject();
        const order = placeOrder({ idempotencyKey: 'key-1' });
        order.transition(
          OrderStatus.STOCK_RESERVED,
          'stock held',
          new Date('2026-03-01T10:00:01.000Z'),
        );
        order.confirm('INV-1', new Date('2026-03-01T10:00:02.000Z'));

        await repo.create(order, []);

        expect((await repo.findById(order.id))?.snapshot()).toEqual(order.snapshot());
      });

      it('writes exactly the given events to the outbox', async () => {
        const { repo, outbox } = subject();
        const order = placeOrder();
        const events = [OrderEvents.cancelled(order, 'test'), OrderEvents.confirmed(order)];

        await repo.create(order, events);

        expect(await drainOutbox(outbox)).toEqual(asOutbox(events));
      });

      it('writes nothing to the outbox when given no events', async () => {
        const { repo, outbox } = subject();

        await repo.create(placeOrder(), []);

        expect(await outbox.pendingCount()).toBe(0);
      });

      it('finds the order by its idempotency key', async () => {
        const { repo } = subject();
        const order = placeOrder({ idempotencyKey: 'key-find' });
        await repo.create(order, []);

        expect((await repo.findByIdempotencyKey('key-find'))?.id).toBe(order.id);
        expect(await repo.findByIdempotencyKey('key-unknown')).toBeUndefined();
      });

      it('rejects a used idempotency key, storing neither the order nor its events', async () => {
        const { repo, outbox } = subject();
        const first = placeOrder({ idempotencyKey: 'key-dup' });
        await repo.create(first, []);
        const second = placeOrder({ idempotencyKey: 'key-dup' });

        const attempt = repo.create(second, [OrderEvents.cancelled(second, 'never stored')]);

        await expect(attempt).rejects.toBeInstanceOf(DuplicateIdempotencyKeyError);
        await expect(attempt).rejects.toMatchObject({ key: 'key-dup' });
        expect(await repo.findById(second.id)).toBeUndefined();
        expect((await repo.findByIdempotencyKey('key-dup'))?.id).toBe(first.id);
        expect(await outbox.pendingCount()).toBe(0);
      });

      it('lets any number of orders go without an idempotency key', async () => {
        const { repo } = subject();
        const a = placeOrder();
        const b = placeOrder();

        await repo.create(a, []);
        await repo.create(b, []);

        expect((await repo.list({ offset: 0, limit: 10 })).total).toBe(2);
      });

      it('rejects a second create with the same id, keeping the first order and writing no events', async () => {
        const { repo, outbox } = subject();
        const order = placeOrder();
        await repo.create(order, []);
        const clash = Order.restore({ ...order.snapshot(), customerEmail: 'mallory@example.com' });

        await expect(
          repo.create(clash, [OrderEvents.cancelled(clash, 'clash')]),
        ).rejects.toMatchObject({ code: 'COMMON.CONCURRENT_MODIFICATION' });

        expect((await repo.findById(order.id))?.snapshot().customerEmail).toBe('ada@example.com');
        expect(await outbox.pendingCount()).toBe(0);
      });
    });

    describe('findById', () => {
      it('returns undefined for an unknown id', async () => {
        expect(await subject().repo.findById(randomUUID())).toBeUndefined();
      });

      it('returns a copy that does not change the stored order when mutated', async () => {
        const { repo } = subject();
        const order = placeOrder();
        await repo.create(order, []);

        (await repo.findById(order.id))?.transition(OrderStatus.CANCELLED);

        expect((await repo.findById(order.id))?.status).toBe(OrderStatus.PENDING);
      });
    });

    describe('update', () => {
      it('saves the new state and its events when the version still matches', async () => {
        const { repo, outbox } = subject();
        const order = placeOrder();
        await repo.create(order, []);
        order.transition(OrderStatus.CANCELLED, 'customer asked');
        const events = [OrderEvents.cancelled(order, 'customer asked')];

        await repo.update(order, 1, events);

        expect((await repo.findById(order.id))?.snapshot()).toEqual(order.snapshot());
        expect(await drainOutbox(outbox)).toEqual(asOutbox(events));
      });

      it('throws ConcurrentModificationError on a stale version and writes neither state nor events', async () => {
        const { repo, outbox } = subject();
        const order = placeOrder();
        await repo.create(order, []);
        const winner = Order.restore(order.snapshot());
        winner.transition(OrderStatus.STOCK_RESERVED);
        await repo.update(winner, 1, []);
        const loser = Order.restore(order.snapshot());
        loser.transition(OrderStatus.CANCELLED);

        await expect(
          repo.update(loser, 1, [OrderEvents.cancelled(loser, 'stale')]),
        ).rejects.toBeInstanceOf(ConcurrentModificationError);

        expect((await repo.findById(order.id))?.snapshot()).toEqual(winner.snapshot());
        expect(await outbox.pendingCount()).toBe(0);
      });

      it('throws ConcurrentModificationError for an order that was never created', async () => {
        const order = placeOrder();
        order.transition(OrderStatus.CANCELLED);

        await expect(subject().repo.update(order, 1, [])).rejects.toBeInstanceOf(
          ConcurrentModificationError,
        );
        expect(await subject().repo.findById(order.id)).toBeUndefined();
      });

      it('lets exactly one of two concurrent updates from the same version win', async () => {
        const { repo, outbox } = subject();
        const order = placeOrder();
        await repo.create(order, []);
        const cancel = Order.restore(order.snapshot());
        cancel.transition(OrderStatus.CANCELLED, 'customer');
        const reserve = Order.restore(order.snapshot());
        reserve.transition(OrderStatus.STOCK_RESERVED);
        const cancelEvents = [OrderEvents.cancelled(cancel, 'customer')];
        const reserveEvents = [OrderEvents.confirmed(reserve)];

        const results = await Promise.allSettled([
          repo.update(cancel, 1, cancelEvents),
          repo.update(reserve, 1, reserveEvents),
        ]);

        const won = results.findIndex((r) => r.status === 'fulfilled');
        const lost = results.find((r) => r.status === 'rejected');
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(
          ConcurrentModificationError,
        );
        const winner = won === 0 ? cancel : reserve;
        expect((await repo.findById(order.id))?.snapshot()).toEqual(winner.snapshot());
        expect(await drainOutbox(outbox)).toEqual(
          asOutbox(won === 0 ? cancelEvents : reserveEvents),
        );
      });
    });

    describe('list', () => {
      async function seedThree(repo: OrderRepository): Promise<Order[]> {
        const orders = [0, 1, 2].map((i) =>
          placeOrder({ at: new Date(Date.UTC(2026, 2, 1, 10, i)) }),
        );
        orders[1].transition(OrderStatus.REJECTED, 'out of stock');
        for (const o of orders) await repo.create(o, []);
        return orders;
      }

      it('pages newest first and counts every order', async () => {
        const { repo } = subject();
        const [oldest, middle, newest] = await seedThree(repo);

        const first = await repo.list({ offset: 0, limit: 2 });
        const second = await repo.list({ offset: 2, limit: 2 });

        expect(first.items.map((o) => o.id)).toEqual([newest.id, middle.id]);
        expect(first.total).toBe(3);
        expect(second.items.map((o) => o.id)).toEqual([oldest.id]);
        expect(second.total).toBe(3);
      });

      it('filters by status, counting only the matches', async () => {
        const { repo } = subject();
        const [oldest, middle, newest] = await seedThree(repo);

        const pending = await repo.list({ status: OrderStatus.PENDING, offset: 0, limit: 10 });
        const rejected = await repo.list({ status: OrderStatus.REJECTED, offset: 0, limit: 10 });

        expect(pending.items.map((o) => o.id)).toEqual([newest.id, oldest.id]);
        expect(pending.total).toBe(2);
        expect(rejected.items.map((o) => o.snapshot())).toEqual([middle.snapshot()]);
        expect(rejected.total).toBe(1);
      });
    });
  },
);
