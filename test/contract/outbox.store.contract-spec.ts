import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { InMemoryOutboxStore } from '../../src/messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../../src/messaging/outbox/mongo-outbox.store';
import { OutboxMessage } from '../../src/messaging/outbox/outbox-message';
import { ClaimedOutboxMessage, OutboxStore } from '../../src/messaging/outbox/outbox.store';
import { describeAdapters } from './support/adapter-harness';

/** Short, so a test can outlive a lease; long enough for a claim's round trips on a busy CI. */
const LEASE_MS = 1_000;

interface Subject {
  store: OutboxStore;
  /** Appending is not on the port: the unit of work does it inside its own atomic write. */
  append(messages: OutboxMessage[]): Promise<void>;
  /** The names of the fields a stored row has, to see that an unclaimed one has no lease. */
  storedFields(id: string): Promise<string[]>;
}

/** Messages `count` long, oldest first, one second apart. */
function messages(count: number): OutboxMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    routingKey: 'inventory.product-updated',
    body: JSON.stringify({ payload: { n: i } }),
    correlationId: randomUUID(),
    createdAt: new Date(Date.UTC(2026, 2, 1, 10, 0, i)),
  }));
}

const ids = (ms: OutboxMessage[]): string[] => ms.map((m) => m.id);
const strip = (ms: ClaimedOutboxMessage[]): OutboxMessage[] =>
  ms.map(({ claimToken: _token, ...m }) => m);

describeAdapters<Subject>(
  'OutboxStore',
  {
    memory: () => {
      const store = new InMemoryOutboxStore(undefined, { leaseMs: LEASE_MS });
      return {
        adapter: {
          store,
          append: async (ms) => store.append(ms),
          storedFields: async (id) => Object.keys(store['rows'].get(id) ?? {}),
        },
      };
    },
    mongo: (connection) => {
      const store = new MongoOutboxStore(connection, undefined, LEASE_MS);
      return {
        adapter: {
          store,
          append: async (ms) => {
            await connection.transaction((session) => store.append(ms, session));
          },
          storedFields: async (id) =>
            Object.keys(
              (await connection.collection<{ _id: string }>('outbox').findOne({ _id: id })) ?? {},
            ),
        },
      };
    },
  },
  (subject) => {
    const store = (): OutboxStore => subject().store;

    it('claims appended messages oldest first, exactly as appended, under one token', async () => {
      const appended = messages(3);
      await subject().append([appended[2], appended[0], appended[1]]);

      const claimed = await store().claim(10);

      expect(strip(claimed)).toEqual(appended);
      expect(new Set(claimed.map((m) => m.claimToken)).size).toBe(1);
    });

    it('claims at most `limit` messages, and none for a limit of zero', async () => {
      const appended = messages(5);
      await subject().append(appended);

      expect(await store().claim(0)).toEqual([]);
      expect(ids(await store().claim(2))).toEqual(ids(appended.slice(0, 2)));
    });

    it('hides claimed messages from a second claim until they are released', async () => {
      const appended = messages(3);
      await subject().append(appended);

      const first = await store().claim(2);
      const second = await store().claim(10);
      await store().release(first);
      const third = await store().claim(10);

      expect(ids(second)).toEqual([appended[2].id]);
      expect(ids(third)).toEqual(ids(first));
      expect(third[0].claimToken).not.toEqual(first[0].claimToken);
    });

    it('counts claimed but unsent messages as pending', async () => {
      await subject().append(messages(3));

      await store().claim(2);

      expect(await store().pendingCount()).toBe(3);
    });

    it('dates the oldest unsent message, claimed or not, and nothing once all are sent', async () => {
      const appended = messages(3);
      expect(await store().oldestPendingAt()).toBeUndefined();
      await subject().append([appended[1], appended[0], appended[2]]);

      const claimed = await store().claim(1);
      expect(await store().oldestPendingAt()).toEqual(appended[0].createdAt);
      await store().markSent(claimed);
      expect(await store().oldestPendingAt()).toEqual(appended[1].createdAt);
      await store().markSent(await store().claim(10));
      expect(await store().oldestPendingAt()).toBeUndefined();
    });

    it('removes sent messages for good, even if released afterwards', async () => {
      const appended = messages(3);
      await subject().append(appended);
      const claimed = await store().claim(2);

      await store().markSent(claimed);
      await store().release(claimed);

      expect(await store().pendingCount()).toBe(1);
      expect(ids(await store().claim(10))).toEqual([appended[2].id]);
    });

    it('never hands the same message to two concurrent claims', async () => {
      const appended = messages(10);
      await subject().append(appended);

      const batches = await Promise.all([1, 2, 3, 4, 5].map(() => store().claim(3)));

      const claimed = batches.flatMap(ids);
      expect(claimed).toHaveLength(10);
      expect(new Set(claimed)).toEqual(new Set(ids(appended)));
    });

    it('settles only what the given claim still holds: another token changes nothing', async () => {
      await subject().append(messages(2));
      const claimed = await store().claim(10);
      const forged = claimed.map((m) => ({ ...m, claimToken: randomUUID() }));

      await store().markSent(forged);
      await store().release(forged);

      expect(await store().pendingCount()).toBe(2);
      expect(await store().claim(10)).toEqual([]);
    });

    it('lets another claim take a row once its lease is over; the first claim then settles nothing', async () => {
      const appended = messages(2);
      await subject().append(appended);
      const first = await store().claim(10);
      await sleep(LEASE_MS + 200);

      const second = await store().claim(1);
      await store().markSent(first);

      expect(ids(second)).toEqual([appended[0].id]);
      // appended[1] was still held by `first` (lease over, nobody took it): sent. appended[0]
      // is the second claim's now: neither sent nor handed back by the first.
      expect(await store().pendingCount()).toBe(1);
      expect(await store().claim(10)).toEqual([]);
      await store().markSent(second);
      expect(await store().pendingCount()).toBe(0);
    });

    it('stores no lease at all, not a null one, for a row nobody holds', async () => {
      const [m] = messages(1);
      await subject().append([m]);
      expect(await subject().storedFields(m.id)).not.toContain('leaseUntil');

      const claimed = await store().claim(1);
      expect(await subject().storedFields(m.id)).toEqual(
        expect.arrayContaining(['claimedBy', 'leaseUntil']),
      );
      await store().release(claimed);

      const fields = await subject().storedFields(m.id);
      expect(fields).not.toContain('leaseUntil');
      expect(fields).not.toContain('claimedBy');
    });

    it('accepts empty batches everywhere', async () => {
      await subject().append([]);
      await store().markSent([]);
      await store().release([]);

      expect(await store().pendingCount()).toBe(0);
      expect(await store().claim(10)).toEqual([]);
    });
  },
);
