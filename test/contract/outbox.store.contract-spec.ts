import { randomUUID } from 'node:crypto';
import { InMemoryOutboxStore } from '../../src/messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../../src/messaging/outbox/mongo-outbox.store';
import { OutboxMessage } from '../../src/messaging/outbox/outbox-message';
import { OutboxStore } from '../../src/messaging/outbox/outbox.store';
import { describeAdapters } from './support/adapter-harness';

interface Subject {
  store: OutboxStore;
  /** Appending is not on the port: repositories do it inside their own atomic write. */
  append(messages: OutboxMessage[]): Promise<void>;
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

describeAdapters<Subject>(
  'OutboxStore',
  {
    memory: () => {
      const store = new InMemoryOutboxStore();
      return { adapter: { store, append: async (ms) => store.append(ms) } };
    },
    mongo: (connection) => {
      const store = new MongoOutboxStore(connection);
      return {
        adapter: {
          store,
          append: async (ms) => {
            await connection.transaction((session) => store.append(ms, session));
          },
        },
      };
    },
  },
  (subject) => {
    const store = (): OutboxStore => subject().store;

    it('claims appended messages oldest first, exactly as appended', async () => {
      const appended = messages(3);
      await subject().append(appended);

      expect(await store().claim(10)).toEqual(appended);
    });

    it('claims at most `limit` messages', async () => {
      const appended = messages(5);
      await subject().append(appended);

      expect(ids(await store().claim(2))).toEqual(ids(appended.slice(0, 2)));
    });

    it('hides claimed messages from a second claim until they are released', async () => {
      const appended = messages(3);
      await subject().append(appended);

      const first = await store().claim(2);
      const second = await store().claim(10);
      await store().release(ids(first));
      const third = await store().claim(10);

      expect(ids(second)).toEqual([appended[2].id]);
      expect(ids(third).sort()).toEqual(ids(first).sort());
    });

    it('counts claimed but unsent messages as pending', async () => {
      await subject().append(messages(3));

      await store().claim(2);

      expect(await store().pendingCount()).toBe(3);
    });

    it('removes sent messages for good, even if released afterwards', async () => {
      const appended = messages(3);
      await subject().append(appended);
      const claimed = await store().claim(2);

      await store().markSent(ids(claimed));
      await store().release(ids(claimed));

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

    it('accepts empty batches everywhere', async () => {
      await subject().append([]);
      await store().markSent([]);
      await store().release([]);

      expect(await store().pendingCount()).toBe(0);
      expect(await store().claim(10)).toEqual([]);
    });
  },
);
