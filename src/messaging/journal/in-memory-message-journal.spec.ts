import { InMemoryMessageJournal } from './in-memory-message-journal';
import { JournalEntry } from './journal-entry';

const DAY = 24 * 3600_000;
let seq = 0;

function entry(orderId: string, at: number): JournalEntry {
  return {
    id: String(seq++).padStart(4, '0'),
    orderId,
    at: new Date(at),
    direction: 'handled',
    type: 'inventory.reserve-stock',
    module: 'inventory',
    process: 'p',
    attempt: 0,
    outcome: 'handled',
  };
}

describe('InMemoryMessageJournal bounds', () => {
  let now: number;
  beforeEach(() => (now = Date.UTC(2026, 10, 23)));

  it('forgets entries older than its time to live', async () => {
    const journal = new InMemoryMessageJournal({ ttlMs: 7 * DAY, now: () => now });
    await journal.append([entry('old', now - 8 * DAY), entry('old', now - DAY)]);
    expect((await journal.forOrder('old')).map((e) => e.at)).toEqual([new Date(now - DAY)]);

    now += 7 * DAY;
    await journal.append([entry('new', now)]);
    expect(await journal.forOrder('old')).toEqual([]);
  });

  it('drops the orders seen first once over its size, whole orders at a time', async () => {
    const journal = new InMemoryMessageJournal({ maxEntries: 3, now: () => now });
    await journal.append([entry('a', now), entry('a', now), entry('b', now)]);
    await journal.append([entry('c', now)]);

    expect(await journal.forOrder('a')).toEqual([]);
    expect(await journal.forOrder('b')).toHaveLength(1);
    expect(await journal.forOrder('c')).toHaveLength(1);
    expect(journal.shared).toBe(false);
  });
});
