import { randomUUID } from 'node:crypto';
import { InMemoryMessageJournal } from '../../src/messaging/journal/in-memory-message-journal';
import { JournalEntry } from '../../src/messaging/journal/journal-entry';
import { MessageJournal } from '../../src/messaging/journal/message-journal';
import { MongoMessageJournal } from '../../src/messaging/journal/mongo-message-journal';
import { describeAdapters } from './support/adapter-harness';

// One fixed base per run: recent enough for any retention, the same for every call.
const BASE = Date.now() - 60_000;
const second = (s: number): Date => new Date(BASE + s * 1000);

function entry(changes: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: randomUUID(),
    orderId: 'order-1',
    at: second(0),
    direction: 'handled',
    type: 'inventory.reserve-stock',
    messageId: randomUUID(),
    correlationId: 'c-1',
    module: 'inventory',
    process: 'web-1-4242-9f3e',
    queue: 'inventory.reserve-stock',
    attempt: 0,
    outcome: 'handled',
    ...changes,
  };
}

describeAdapters<MessageJournal>(
  'MessageJournal',
  {
    memory: () => ({ adapter: new InMemoryMessageJournal() }),
    mongo: (connection) => ({ adapter: new MongoMessageJournal(connection) }),
  },
  (journal) => {
    it("returns one order's entries oldest first, whatever order they were appended in", async () => {
      const [a, b, c] = [2, 0, 1].map((s) => entry({ at: second(s) }));
      await journal().append([a, b]);
      await journal().append([entry({ orderId: 'order-2' }), c]);

      expect(await journal().forOrder('order-1')).toEqual([b, c, a]);
      expect(await journal().forOrder('order-3')).toEqual([]);
    });

    it('orders the entries of one millisecond by id', async () => {
      const ids = ['0003-x', '0001-x', '0002-x'];
      await journal().append(ids.map((id) => entry({ id, at: second(5) })));

      expect((await journal().forOrder('order-1')).map((e) => e.id)).toEqual([
        '0001-x',
        '0002-x',
        '0003-x',
      ]);
    });

    it('keeps every field, and leaves out the ones an entry does not have', async () => {
      const { queue: _handledOnly, ...handled } = entry();
      const published: JournalEntry = {
        ...handled,
        direction: 'published',
        exchange: 'orderflow.commands',
        outcome: 'replayed',
        replay: 2,
      };
      const mailed = entry({
        at: second(1),
        email: { to: 'ada@example.com', subject: 'Order order-1 confirmed' },
        error: 'GatewayUnavailableError: busy',
      });
      await journal().append([published, mailed]);

      const [p, m] = await journal().forOrder('order-1');
      expect(p).toEqual(published);
      expect(Object.keys(p).sort()).toEqual(Object.keys(published).sort());
      expect(m).toEqual(mailed);
    });

    it('answers at most the limit, oldest first', async () => {
      await journal().append([3, 1, 2, 0].map((s) => entry({ at: second(s) })));

      const two = await journal().forOrder('order-1', 2);
      expect(two.map((e) => e.at)).toEqual([second(0), second(1)]);
    });

    it('returns copies: changing one does not change the journal', async () => {
      await journal().append([entry()]);
      const [read] = await journal().forOrder('order-1');
      read.outcome = 'retried';

      expect((await journal().forOrder('order-1'))[0].outcome).toBe('handled');
    });

    it('appends nothing for an empty batch', async () => {
      await journal().append([]);
      expect(await journal().forOrder('order-1')).toEqual([]);
    });
  },
);
