// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError } from '../../src/common/errors/concurrent-modification.error';
import { Order } from '../../src/orders/domain/order.entity';
import { OrderStatus } from '../../src/orders/domain/order-status';
import { describeAdapters } from './support/adapter-harness';
import { at, orderSteps, orderStores, placeOrder, published } from './support/order-fixtures';

describeAdapters('OrderRepository', orderStores, (subject) => {
  const { save, load, types } = orderSteps(subject);

  describe('save and findById', () => {
    it('round-trips every field of a new order, which loads at the version it was saved at', async () => {
      const order = placeOrder();
      order.stockReserved(60_000, at(1));

      await save(order);

      const found = await load(order.id);
      expect(found.snapshot()).toEqual(order.snapshot());
      expect(found.persistedVersion).toBe(2);
      expect(found.events).toEqual([]);
    });

    it('saves a loaded order as its next version, with every field', async () => {
      const order = placeOrder();
      await save(order);
      const loaded = await load(order.id);
      loaded.cancel('customer asked', at(5));

      await save(loaded);

      expect((await load(order.id)).snapshot()).toEqual(loaded.snapshot());
      expect((await load(order.id)).persistedVersion).toBe(2);
    });

    it('returns undefined for an unknown id', async () => {
      expect(await subject().orders.findById(randomUUID())).toBeUndefined();
    });

    it('hands out a copy: changing a loaded order does not change the stored one', async () => {
      const order = placeOrder();
      await save(order);

      (await load(order.id)).cancel('not saved');

      expect((await load(order.id)).status).toBe(OrderStatus.PENDING);
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses a new order whose id is stored, keeping the first and announcing nothing', async () => {
      const order = placeOrder();
      await save(order);
      const { id, items, currency } = order.snapshot();
      const clash = Order.place(
        { id, items, currency, customerEmail: 'mallory@example.com' },
        'tok_other',
      );

      await expect(save(clash)).rejects.toBeInstanceOf(ConcurrentModificationError);

      expect((await load(order.id)).snapshot().customerEmail).toBe('ada@example.com');
      expect((await load(order.id)).snapshot().paymentToken).toBe('tok_visa');
      const announced = await published(subject().outbox);
      expect(announced.map((m) => m.type)).toEqual(['inventory.reserve-stock']);
    });

    it('refuses an update over a stale version, keeping the winner and its events only', async () => {
      const order = placeOrder();
      await save(order);
      const [winner, loser] = [await load(order.id), await load(order.id)];
      winner.stockReserved(60_000);
      await save(winner);
      loser.cancel('stale');

      await expect(save(loser)).rejects.toBeInstanceOf(ConcurrentModificationError);

      expect((await load(order.id)).snapshot()).toEqual(winner.snapshot());
      expect(await types()).toEqual(['billing.charge-payment', 'inventory.reserve-stock']);
    });

    it('refuses an update of an order that was never stored', async () => {
      const order = Order.restore(placeOrder().snapshot());
      order.cancel('nobody stored it');

      await expect(save(order)).rejects.toBeInstanceOf(ConcurrentModificationError);

      expect(await subject().orders.findById(order.id)).toBeUndefined();
    });

    it('lets exactly one of two concurrent updates from the same version win', async () => {
      const order = placeOrder();
      await save(order);
      const cancel = await load(order.id);
      cancel.cancel('customer');
      const reject = await load(order.id);
      reject.stockRejected('no stock', []);

      const results = await Promise.allSettled([save(cancel), save(reject)]);

      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = results.find((r) => r.status === 'rejected');
      expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(
        ConcurrentModificationError,
      );
      const winner = results[0].status === 'fulfilled' ? cancel : reject;
      expect((await load(order.id)).snapshot()).toEqual(winner.snapshot());
      const winnerType = winner === cancel ? 'order.cancelled' : 'order.rejected';
      expect(await types()).toEqual([winnerType, 'inventory.reserve-stock'].sort());
    });
  });

  describe('list', () => {
    const ids = (page: { items: Order[] }) => page.items.map((o) => o.id);

    it('pages newest first and counts every order', async () => {
      const [oldest, middle, newest] = [placeOrder(at(0)), placeOrder(at(60)), placeOrder(at(120))];
      await save(middle, newest, oldest);

      const first = await subject().orders.list({ offset: 0, limit: 2 });
      const second = await subject().orders.list({ offset: 2, limit: 2 });
      const beyond = await subject().orders.list({ offset: 3, limit: 2 });

      expect([ids(first), first.total]).toEqual([[newest.id, middle.id], 3]);
      expect([ids(second), second.total]).toEqual([[oldest.id], 3]);
      expect([ids(beyond), beyond.total]).toEqual([[], 3]);
    });

    it('breaks ties by id, so orders of the same instant paged one by one each come once', async () => {
      const same = [1, 2, 3, 4, 5].map(() => placeOrder(at(10)));
      const [older, newer] = [placeOrder(at(9)), placeOrder(at(11))];
      await save(...same, older, newer);

      const pages: string[] = [];
      for (let offset = 0; offset < 7; offset++)
        pages.push(...ids(await subject().orders.list({ offset, limit: 1 })));

      const tied = same
        .map((o) => o.id)
        .sort()
        .reverse();
      expect(pages).toEqual([newer.id, ...tied, older.id]);
    });

    it('filters by status, counting only the matches', async () => {
      const [oldest, middle, newest] = [placeOrder(at(0)), placeOrder(at(60)), placeOrder(at(120))];
      middle.stockRejected('out of stock', []);
      await save(oldest, middle, newest);

      const pending = await subject().orders.list({
        status: OrderStatus.PENDING,
        offset: 0,
        limit: 10,
      });
      const rejected = await subject().orders.list({
        status: OrderStatus.REJECTED,
        offset: 0,
        limit: 10,
      });
      const none = await subject().orders.list({
        status: OrderStatus.CONFIRMED,
        offset: 0,
        limit: 10,
      });

      expect([ids(pending), pending.total]).toEqual([[newest.id, oldest.id], 2]);
      expect(rejected.items.map((o) => o.snapshot())).toEqual([middle.snapshot()]);
      expect(rejected.total).toBe(1);
      expect([ids(none), none.total]).toEqual([[], 0]);
    });
  });
});
