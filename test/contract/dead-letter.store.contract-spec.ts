import { DeadLetterRecord } from '../../src/messaging/dead-letters/dead-letter.record';
import { DeadLetterStore } from '../../src/messaging/dead-letters/dead-letter.store';
import { deadLetterStores, ids, minute, record } from './dead-letter.fixtures';
import { describeAdapters } from './support/adapter-harness';

describeAdapters<DeadLetterStore>('DeadLetterStore', deadLetterStores, (store) => {
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
        await store().list({ queue: 'q1', type: 't1', status: 'PARKED', since: minute(1) }, 0, 10),
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

      expect(ids(await store().list({ replayCountBelow: 2 }, 0, 10))).toEqual([once.id, never.id]);
      expect(ids(await store().list({ replayCountBelow: 1 }, 0, 10))).toEqual([never.id]);
      expect((await store().list({ replayCountBelow: 0 }, 0, 10)).total).toBe(0);
    });

    it('pages rows of the same millisecond without repeating or skipping one', async () => {
      const sameMs = Array.from({ length: 7 }, () => record({ deadLetteredAt: minute(2) }));
      const [older, newer] = [
        record({ deadLetteredAt: minute(1) }),
        record({ deadLetteredAt: minute(3) }),
      ];
      await saveAll(sameMs[3], older, ...sameMs.slice(4), newer, ...sameMs.slice(0, 3));

      const paged: string[] = [];
      for (let offset = 0; offset < 9; offset += 2)
        paged.push(...ids(await store().list({}, offset, 2)));

      // Newest first; within the millisecond by id, descending too.
      const tied = ids({ items: sameMs }).sort().reverse();
      expect(paged).toEqual([newer.id, ...tied, older.id]);
      expect(ids(await store().list({}, 0, 9))).toEqual(paged);
    });

    it('pages a filtered listing of one millisecond in the same fixed order', async () => {
      const sameMs = Array.from({ length: 5 }, () =>
        record({ queue: 'q1', deadLetteredAt: minute(2) }),
      );
      await saveAll(...sameMs, record({ queue: 'q2', deadLetteredAt: minute(2) }));

      const paged: string[] = [];
      for (let offset = 0; offset < 5; offset += 2)
        paged.push(...ids(await store().list({ queue: 'q1' }, offset, 2)));

      expect(paged).toEqual(ids({ items: sameMs }).sort().reverse());
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
});
