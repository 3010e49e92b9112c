import { randomUUID } from 'node:crypto';
import { DeadLetterRecord } from '../../src/messaging/dead-letters/dead-letter.record';
import { DeadLetterStore } from '../../src/messaging/dead-letters/dead-letter.store';
import { InMemoryDeadLetterStore } from '../../src/messaging/dead-letters/in-memory-dead-letter.store';
import { MongoDeadLetterStore } from '../../src/messaging/dead-letters/mongo-dead-letter.store';
import { describeAdapters } from './support/adapter-harness';

const minute = (m: number): Date => new Date(Date.UTC(2026, 2, 1, 10, m));

function record(changes: Partial<DeadLetterRecord> = {}): DeadLetterRecord {
  return {
    id: randomUUID(),
    messageId: randomUUID(),
    type: 'inventory.reserved',
    queue: 'billing.inventory-reserved',
    consumer: 'BillingEventsController',
    host: 'worker-1',
    originalExchange: 'orderflow.events',
    originalRoutingKey: 'inventory.reserved',
    errorType: 'PaymentIntentMissingError',
    errorMessage: 'No payment intent',
    errorStack: 'Error: No payment intent\n    at charge',
    permanent: true,
    attempts: 3,
    firstFailedAt: minute(0),
    lastFailedAt: minute(1),
    deadLetteredAt: minute(1),
    bodyBase64: Buffer.from('{"poison":true}').toString('base64'),
    contentType: 'application/json',
    correlationId: randomUUID(),
    headers: { 'x-tenant': 'acme' },
    status: 'PARKED',
    replayCount: 0,
    ...changes,
  };
}

const ids = (page: { items: DeadLetterRecord[] }): string[] => page.items.map((r) => r.id);

describeAdapters<DeadLetterStore>(
  'DeadLetterStore',
  {
    memory: () => ({ adapter: new InMemoryDeadLetterStore() }),
    mongo: (connection) => ({ adapter: new MongoDeadLetterStore(connection) }),
  },
  (store) => {
    describe('save and get', () => {
      it('round-trips every field', async () => {
        const full = record({ replayedAt: minute(5), replayCount: 2, status: 'REPLAYED' });

        await store().save(full);

        expect(await store().get(full.id)).toEqual(full);
      });

      it('round-trips a record without its optional fields', async () => {
        const bare: DeadLetterRecord = {
          id: randomUUID(),
          queue: 'orders.payment-failed',
          errorType: 'SyntaxError',
          errorMessage: 'Unexpected token',
          permanent: true,
          attempts: 1,
          firstFailedAt: minute(0),
          lastFailedAt: minute(0),
          deadLetteredAt: minute(0),
          bodyBase64: Buffer.from([0xff, 0x00]).toString('base64'),
          headers: {},
          status: 'PARKED',
          replayCount: 0,
        };

        await store().save(bare);

        expect(await store().get(bare.id)).toEqual(bare);
      });

      it('returns undefined for an unknown id', async () => {
        expect(await store().get(randomUUID())).toBeUndefined();
      });

      it('is idempotent by id: a second save keeps the first record', async () => {
        const first = record();
        await store().save(first);

        await store().save({ ...first, errorMessage: 'again', attempts: 9 });

        expect(await store().get(first.id)).toEqual(first);
        expect((await store().list({}, 0, 10)).total).toBe(1);
      });

      it('does not reset a replayed record when the dead letter is saved again', async () => {
        const first = record();
        await store().save(first);
        await store().markReplayed(first.id);

        await store().save(first);

        expect(await store().get(first.id)).toMatchObject({ status: 'REPLAYED', replayCount: 1 });
      });
    });

    describe('list', () => {
      async function saveAll(...records: DeadLetterRecord[]): Promise<void> {
        for (const r of records) await store().save(r);
      }

      it('lists newest first and pages with the total of all matches', async () => {
        const rs = [3, 1, 4, 2, 0].map((m) => record({ deadLetteredAt: minute(m) }));
        await saveAll(...rs);
        const newestFirst = [...rs].sort(
          (a, b) => b.deadLetteredAt.getTime() - a.deadLetteredAt.getTime(),
        );

        const first = await store().list({}, 0, 2);
        const last = await store().list({}, 4, 2);

        expect(ids(first)).toEqual(ids({ items: newestFirst.slice(0, 2) }));
        expect(first.total).toBe(5);
        expect(ids(last)).toEqual([newestFirst[4].id]);
        expect(last.total).toBe(5);
        expect(first.items[0]).toEqual(newestFirst[0]);
      });

      it('filters by queue, type, status and since (inclusive), alone or together', async () => {
        const a = record({ queue: 'q1', type: 't1', deadLetteredAt: minute(1) });
        const b = record({
          queue: 'q1',
          type: 't2',
          deadLetteredAt: minute(2),
          status: 'REPLAYED',
        });
        const c = record({ queue: 'q2', type: 't1', deadLetteredAt: minute(3) });
        await saveAll(a, b, c);

        expect(ids(await store().list({ queue: 'q1' }, 0, 10))).toEqual([b.id, a.id]);
        expect(ids(await store().list({ type: 't1' }, 0, 10))).toEqual([c.id, a.id]);
        expect(ids(await store().list({ status: 'REPLAYED' }, 0, 10))).toEqual([b.id]);
        expect(ids(await store().list({ since: minute(2) }, 0, 10))).toEqual([c.id, b.id]);
        expect(
          await store().list(
            { queue: 'q1', type: 't1', status: 'PARKED', since: minute(1) },
            0,
            10,
          ),
        ).toEqual({
          items: [a],
          total: 1,
        });
        expect(await store().list({ queue: 'nope' }, 0, 10)).toEqual({ items: [], total: 0 });
      });

      it('filters by replayCountBelow: only records replayed fewer times than that', async () => {
        const [never, once, twice] = [0, 1, 2].map((n) =>
          record({ replayCount: n, deadLetteredAt: minute(n) }),
        );
        await saveAll(never, once, twice);

        expect(ids(await store().list({ replayCountBelow: 2 }, 0, 10))).toEqual([
          once.id,
          never.id,
        ]);
        expect(ids(await store().list({ replayCountBelow: 1 }, 0, 10))).toEqual([never.id]);
        expect((await store().list({ replayCountBelow: 0 }, 0, 10)).total).toBe(0);
      });

      it('counts all matches in total, not just the page', async () => {
        await saveAll(
          ...[1, 2, 3].map((m) => record({ queue: 'q1', deadLetteredAt: minute(m) })),
          record({ queue: 'q2' }),
        );

        const page = await store().list({ queue: 'q1' }, 1, 1);

        expect(page.items).toHaveLength(1);
        expect(page.total).toBe(3);
      });
    });

    describe('replay bookkeeping', () => {
      it('marks a parked record replayed once, then refuses', async () => {
        const r = record();
        await store().save(r);

        expect(await store().markReplayed(r.id)).toBe(true);
        expect(await store().markReplayed(r.id)).toBe(false);

        const stored = await store().get(r.id);
        expect(stored).toMatchObject({ status: 'REPLAYED', replayCount: 1 });
        expect(stored?.replayedAt).toBeInstanceOf(Date);
      });

      it('lets only one of concurrent replays through', async () => {
        const r = record();
        await store().save(r);

        const results = await Promise.all([1, 2, 3, 4].map(() => store().markReplayed(r.id)));

        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store().get(r.id))?.replayCount).toBe(1);
      });

      it('returns false for an unknown id', async () => {
        expect(await store().markReplayed(randomUUID())).toBe(false);
      });

      it('markParked undoes a replay, so the record can be replayed again', async () => {
        const r = record();
        await store().save(r);
        await store().markReplayed(r.id);

        await store().markParked(r.id);

        expect((await store().get(r.id))?.status).toBe('PARKED');
        expect(await store().markReplayed(r.id)).toBe(true);
        expect((await store().get(r.id))?.replayCount).toBe(2);
      });

      it('markParked on an unknown id creates nothing', async () => {
        await store().markParked(randomUUID());

        expect((await store().list({}, 0, 10)).total).toBe(0);
      });
    });

    describe('delete', () => {
      it('deletes once: true, then false, and the record is gone', async () => {
        const r = record();
        await store().save(r);

        expect(await store().delete(r.id)).toBe(true);
        expect(await store().delete(r.id)).toBe(false);
        expect(await store().get(r.id)).toBeUndefined();
      });
    });
  },
);
