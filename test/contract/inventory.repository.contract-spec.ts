// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  InventoryRepository,
  ReserveOutcome,
} from '../../src/inventory/application/inventory.repository';
import { StockBelowReservedError } from '../../src/inventory/domain/stock-below-reserved.error';
import { InMemoryInventoryRepository } from '../../src/inventory/infrastructure/in-memory-inventory.repository';
import { MongoInventoryRepository } from '../../src/inventory/infrastructure/mongo-inventory.repository';
import { InMemoryOutboxStore } from '../../src/messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../../src/messaging/outbox/mongo-outbox.store';
import { OutboxStore } from '../../src/messaging/outbox/outbox.store';
import { describeAdapters } from './support/adapter-harness';
import {
  bySku,
  product,
  productEvents,
  releaseEvents,
  reserveEvents,
  seedEvents,
} from './support/inventory-fixtures';
import { asOutbox, drainOutbox } from './support/outbox-assertions';

interface Subject {
  repo: InventoryRepository;
  outbox: OutboxStore;
}

const noEvents = (): [] => [];

describeAdapters<Subject>(
  'InventoryRepository',
  {
    memory: () => {
      const outbox = new InMemoryOutboxStore();
      return { adapter: { repo: new InMemoryInventoryRepository(outbox), outbox } };
    },
    mongo: (connection) => {
      const outbox = new MongoOutboxStore(connection);
      return { adapter: { repo: new MongoInventoryRepository(connection, outbox), outbox } };
    },
  },
  (subject) => {
    /** Seeds the products and empties the outbox, so a test sees only its own events. */
    async function given(...products: ReturnType<typeof product>[]): Promise<void> {
      await subject().repo.seed(products, noEvents);
      await drainOutbox(subject().outbox);
    }

    async function stockOf(
      sku: string,
    ): Promise<{ available: number; reserved: number } | undefined> {
      const [p] = await subject().repo.getProducts([sku]);
      return p && { available: p.available, reserved: p.reserved };
    }

    async function reserve(orderId: string, lines: { sku: string; quantity: number }[]) {
      const events = reserveEvents(orderId);
      const outcome = await subject().repo.reserve(orderId, lines, events.callback);
      return { outcome, events };
    }

    describe('products', () => {
      it('seeds only the products that do not exist yet, with events for those', async () => {
        const { repo, outbox } = subject();
        await repo.seed([product('A', 5), product('B', 6)], noEvents);
        await drainOutbox(outbox);
        const events = seedEvents();

        const inserted = await repo.seed(
          [{ ...product('B', 99), name: 'Changed' }, product('C', 7)],
          events.callback,
        );

        expect(inserted).toEqual([product('C', 7)]);
        expect(events.lastCall).toEqual([product('C', 7)]);
        expect(await repo.listProducts()).toEqual([
          product('A', 5),
          product('B', 6),
          product('C', 7),
        ]);
        expect(await drainOutbox(outbox)).toEqual(asOutbox(events.issuedFor()));
      });

      it('lists products sorted by SKU and gets only the known ones', async () => {
        await given(product('C', 1), product('A', 2), product('B', 3));

        expect((await subject().repo.listProducts()).map((p) => p.sku)).toEqual(['A', 'B', 'C']);
        const got = await subject().repo.getProducts(['C', 'NOPE', 'A']);
        expect([...got].sort(bySku)).toEqual([product('A', 2), product('C', 1)]);
      });

      it('creates a missing product when given one, with its event', async () => {
        const { repo, outbox } = subject();
        const events = productEvents();

        const saved = await repo.saveProduct(
          'NEW',
          { name: 'x' },
          product('NEW', 4),
          events.callback,
        );

        expect(saved).toEqual(product('NEW', 4));
        expect(await repo.getProducts(['NEW'])).toEqual([product('NEW', 4)]);
        expect(events.lastCall).toEqual(product('NEW', 4));
        expect(await drainOutbox(outbox)).toEqual(asOutbox(events.issuedFor()));
      });

      it('returns undefined for a missing product when not told to create it, writing nothing', async () => {
        const { repo, outbox } = subject();

        expect(
          await repo.saveProduct('NOPE', { price: 1 }, undefined, productEvents().callback),
        ).toBeUndefined();

        expect(await repo.listProducts()).toEqual([]);
        expect(await outbox.pendingCount()).toBe(0);
      });

      it('changes name and price, keeping stock, with an event carrying the saved product', async () => {
        await given(product('A', 5, 2));
        const events = productEvents();

        const saved = await subject().repo.saveProduct(
          'A',
          { name: 'Renamed', price: 999 },
          undefined,
          events.callback,
        );

        const expected = { ...product('A', 5, 2), name: 'Renamed', price: 999 };
        expect(saved).toEqual(expected);
        expect(await subject().repo.getProducts(['A'])).toEqual([expected]);
        expect(events.lastCall).toEqual(expected);
        expect(await drainOutbox(subject().outbox)).toEqual(asOutbox(events.issuedFor()));
      });

      it('stores names literally, even one that looks like an expression', async () => {
        await given(product('A', 5));

        await subject().repo.saveProduct('A', { name: '$5 gift card' }, undefined, noEvents);

        expect((await subject().repo.getProducts(['A']))[0]?.name).toBe('$5 gift card');
      });

      it('saves with no changes, returning the product as it was', async () => {
        await given(product('A', 5, 1));

        const saved = await subject().repo.saveProduct('A', {}, undefined, noEvents);

        expect(saved).toEqual(product('A', 5, 1));
      });

      it('treats stock as units on hand: available becomes stock minus reserved', async () => {
        await given(product('A', 2, 3));

        const saved = await subject().repo.saveProduct('A', { stock: 10 }, undefined, noEvents);

        expect(saved).toEqual(product('A', 7, 3));
        expect(await stockOf('A')).toEqual({ available: 7, reserved: 3 });
      });

      it('rejects stock below what is reserved, changing nothing and writing no events', async () => {
        await given(product('A', 2, 3));

        await expect(
          subject().repo.saveProduct(
            'A',
            { stock: 2, price: 1 },
            undefined,
            productEvents().callback,
          ),
        ).rejects.toBeInstanceOf(StockBelowReservedError);

        expect(await subject().repo.getProducts(['A'])).toEqual([product('A', 2, 3)]);
        expect(await subject().outbox.pendingCount()).toBe(0);
      });
    });

    describe('reserve', () => {
      it('moves every line from available to reserved and records the reservation', async () => {
        await given(product('A', 5), product('B', 2));
        const orderId = randomUUID();

        const { outcome, events } = await reserve(orderId, [
          { sku: 'A', quantity: 3 },
          { sku: 'B', quantity: 2 },
        ]);

        const items = [
          { sku: 'A', quantity: 3 },
          { sku: 'B', quantity: 2 },
        ];
        expect(outcome).toEqual({ kind: 'reserved', items });
        expect(events.lastCall).toEqual(outcome);
        expect(await stockOf('A')).toEqual({ available: 2, reserved: 3 });
        expect(await stockOf('B')).toEqual({ available: 0, reserved: 2 });
        expect(await subject().repo.findReservation(orderId)).toMatchObject({
          orderId,
          items,
          status: 'RESERVED',
        });
        expect(await drainOutbox(subject().outbox)).toEqual(asOutbox(events.issuedFor('reserved')));
      });

      it('adds up repeated lines for a SKU', async () => {
        await given(product('A', 3));

        const { outcome } = await reserve(randomUUID(), [
          { sku: 'A', quantity: 2 },
          { sku: 'A', quantity: 2 },
        ]);

        expect(outcome).toEqual({
          kind: 'rejected',
          shortages: [{ sku: 'A', requested: 4, available: 3 }],
        });
        expect(await stockOf('A')).toEqual({ available: 3, reserved: 0 });
      });

      it('is all-or-nothing: a shortage on one line leaves all stock untouched', async () => {
        await given(product('A', 10), product('B', 1));
        const orderId = randomUUID();

        const { outcome, events } = await reserve(orderId, [
          { sku: 'A', quantity: 3 },
          { sku: 'B', quantity: 2 },
        ]);

        expect(outcome).toEqual({
          kind: 'rejected',
          shortages: [{ sku: 'B', requested: 2, available: 1 }],
        });
        expect(events.lastCall).toEqual(outcome);
        expect(await stockOf('A')).toEqual({ available: 10, reserved: 0 });
        expect(await stockOf('B')).toEqual({ available: 1, reserved: 0 });
        expect(await subject().repo.findReservation(orderId)).toMatchObject({
          orderId,
          status: 'REJECTED',
        });
        expect(await drainOutbox(subject().outbox)).toEqual(asOutbox(events.issuedFor('rejected')));
      });

      it('rejects an unknown SKU as having nothing available', async () => {
        await given(product('A', 10));

        const { outcome } = await reserve(randomUUID(), [
          { sku: 'A', quantity: 1 },
          { sku: 'GHOST', quantity: 1 },
        ]);

        expect(outcome).toEqual({
          kind: 'rejected',
          shortages: [{ sku: 'GHOST', requested: 1, available: 0 }],
        });
        expect(await stockOf('A')).toEqual({ available: 10, reserved: 0 });
      });

      it('answers a second reserve for the same order with already-decided, moving no stock', async () => {
        await given(product('A', 5));
        const orderId = randomUUID();
        await reserve(orderId, [{ sku: 'A', quantity: 2 }]);
        await drainOutbox(subject().outbox);

        const { outcome, events } = await reserve(orderId, [{ sku: 'A', quantity: 2 }]);

        expect(outcome).toMatchObject({
          kind: 'already-decided',
          reservation: { orderId, items: [{ sku: 'A', quantity: 2 }], status: 'RESERVED' },
        });
        expect(events.calls).toEqual([]);
        expect(await stockOf('A')).toEqual({ available: 3, reserved: 2 });
        expect(await subject().outbox.pendingCount()).toBe(0);
      });

      it('keeps a rejection decided even once the stock is there', async () => {
        await given(product('A', 1));
        const orderId = randomUUID();
        await reserve(orderId, [{ sku: 'A', quantity: 2 }]);
        await subject().repo.saveProduct('A', { stock: 10 }, undefined, noEvents);

        const { outcome } = await reserve(orderId, [{ sku: 'A', quantity: 2 }]);

        expect(outcome).toMatchObject({
          kind: 'already-decided',
          reservation: { status: 'REJECTED' },
        });
        expect(await stockOf('A')).toEqual({ available: 10, reserved: 0 });
      });

      it('never oversells under concurrent reserves', async () => {
        await given(product('A', 5));
        const orderIds = Array.from({ length: 20 }, () => randomUUID());

        const results = await Promise.all(
          orderIds.map((id) => reserve(id, [{ sku: 'A', quantity: 1 }])),
        );

        const kinds = results.map((r) => r.outcome.kind);
        expect(kinds.filter((k) => k === 'reserved')).toHaveLength(5);
        expect(kinds.filter((k) => k === 'rejected')).toHaveLength(15);
        expect(await stockOf('A')).toEqual({ available: 0, reserved: 5 });
        const committed = results.flatMap((r) => r.events.issuedFor(r.outcome.kind));
        expect(await drainOutbox(subject().outbox)).toEqual(asOutbox(committed));
      });

      it('decides a redelivered order once, even when both deliveries race', async () => {
        await given(product('A', 5));
        const orderId = randomUUID();

        const results = await Promise.all(
          [1, 2, 3].map(() => reserve(orderId, [{ sku: 'A', quantity: 2 }])),
        );

        const outcomes: ReserveOutcome[] = results.map((r) => r.outcome);
        expect(outcomes.filter((o) => o.kind === 'reserved')).toHaveLength(1);
        expect(outcomes.filter((o) => o.kind === 'already-decided')).toHaveLength(2);
        expect(await stockOf('A')).toEqual({ available: 3, reserved: 2 });
        expect(await subject().outbox.pendingCount()).toBe(1);
      });
    });

    describe('release', () => {
      async function reserved(sku: string, quantity: number): Promise<string> {
        const orderId = randomUUID();
        await reserve(orderId, [{ sku, quantity }]);
        await drainOutbox(subject().outbox);
        return orderId;
      }

      it('gives the stock back once, with its events, and then does nothing', async () => {
        await given(product('A', 5));
        const orderId = await reserved('A', 2);
        const events = releaseEvents();

        const released = await subject().repo.release(orderId, false, events.callback);
        const again = await subject().repo.release(orderId, false, releaseEvents().callback);

        expect(released).toMatchObject({
          orderId,
          items: [{ sku: 'A', quantity: 2 }],
          status: 'RELEASED',
        });
        expect(events.lastCall).toMatchObject({ orderId, status: 'RELEASED' });
        expect(again).toBeUndefined();
        expect(await stockOf('A')).toEqual({ available: 5, reserved: 0 });
        expect((await subject().repo.findReservation(orderId))?.status).toBe('RELEASED');
        expect(await drainOutbox(subject().outbox)).toEqual(asOutbox(events.issuedFor()));
      });

      it('gives the stock back exactly once under concurrent releases', async () => {
        await given(product('A', 5));
        const orderId = await reserved('A', 2);

        const results = await Promise.all(
          [1, 2, 3, 4].map(() => subject().repo.release(orderId, true, noEvents)),
        );

        expect(results.filter((r) => r !== undefined)).toHaveLength(1);
        expect(await stockOf('A')).toEqual({ available: 5, reserved: 0 });
      });

      it('with tombstone, marks an unknown order cancelled so a later reserve is already-decided', async () => {
        await given(product('A', 5));
        const orderId = randomUUID();
        const events = releaseEvents();

        expect(await subject().repo.release(orderId, true, events.callback)).toBeUndefined();
        const { outcome } = await reserve(orderId, [{ sku: 'A', quantity: 1 }]);

        expect(await subject().repo.findReservation(orderId)).toMatchObject({
          orderId,
          items: [],
          status: 'CANCELLED',
        });
        expect(outcome).toMatchObject({
          kind: 'already-decided',
          reservation: { status: 'CANCELLED' },
        });
        expect(events.calls).toEqual([]);
        expect(await stockOf('A')).toEqual({ available: 5, reserved: 0 });
        expect(await subject().outbox.pendingCount()).toBe(0);
      });

      it('without tombstone, records nothing for an unknown order', async () => {
        await given(product('A', 5));
        const orderId = randomUUID();

        expect(await subject().repo.release(orderId, false, noEvents)).toBeUndefined();

        expect(await subject().repo.findReservation(orderId)).toBeUndefined();
        expect((await reserve(orderId, [{ sku: 'A', quantity: 1 }])).outcome.kind).toBe('reserved');
      });

      it('with tombstone, still releases an order that holds stock', async () => {
        await given(product('A', 5));
        const orderId = await reserved('A', 2);

        const released = await subject().repo.release(orderId, true, noEvents);

        expect(released).toMatchObject({ status: 'RELEASED', items: [{ sku: 'A', quantity: 2 }] });
        expect(await stockOf('A')).toEqual({ available: 5, reserved: 0 });
      });

      it('leaves a rejected reservation alone', async () => {
        await given(product('A', 1));
        const orderId = randomUUID();
        await reserve(orderId, [{ sku: 'A', quantity: 2 }]);
        await drainOutbox(subject().outbox);
        const events = releaseEvents();

        expect(await subject().repo.release(orderId, true, events.callback)).toBeUndefined();

        expect((await subject().repo.findReservation(orderId))?.status).toBe('REJECTED');
        expect(events.calls).toEqual([]);
        expect(await stockOf('A')).toEqual({ available: 1, reserved: 0 });
        expect(await subject().outbox.pendingCount()).toBe(0);
      });
    });

    describe('commit', () => {
      it('moves the reserved units out of the warehouse, once', async () => {
        await given(product('A', 5));
        const orderId = randomUUID();
        await reserve(orderId, [{ sku: 'A', quantity: 2 }]);

        expect(await subject().repo.commit(orderId)).toBe(true);
        expect(await subject().repo.commit(orderId)).toBe(false);

        expect(await stockOf('A')).toEqual({ available: 3, reserved: 0 });
        expect((await subject().repo.findReservation(orderId))?.status).toBe('COMMITTED');
      });

      it('makes a later release give nothing back', async () => {
        await given(product('A', 5));
        const orderId = randomUUID();
        await reserve(orderId, [{ sku: 'A', quantity: 2 }]);
        await subject().repo.commit(orderId);

        expect(await subject().repo.release(orderId, true, noEvents)).toBeUndefined();
        expect(await stockOf('A')).toEqual({ available: 3, reserved: 0 });
      });

      it('returns false for an order with no reservation', async () => {
        expect(await subject().repo.commit(randomUUID())).toBe(false);
        expect(await subject().repo.findReservation(randomUUID())).toBeUndefined();
      });
    });
  },
);
