import { InMemoryOutboxStore } from './in-memory-outbox.store';
import { OutboxMessage } from './outbox-message';
import { ClaimedOutboxMessage } from './outbox.store';

const message = (id: string, createdAt = '2026-03-01T10:00:00.000Z'): OutboxMessage => ({
  id,
  routingKey: 'order.placed',
  body: JSON.stringify({ messageId: id }),
  correlationId: `c-${id}`,
  createdAt: new Date(createdAt),
});

const ids = (ms: ClaimedOutboxMessage[]): string[] => ms.map((m) => m.id);

describe('InMemoryOutboxStore', () => {
  it('tells the relay once per non-empty append, in the same tick', () => {
    let notified = 0;
    const store = new InMemoryOutboxStore(() => notified++);

    store.append([message('m-1'), message('m-2')]);
    expect(notified).toBe(1);
    store.append([message('m-3')]);
    expect(notified).toBe(2);
  });

  it('does not wake the relay for an empty append', () => {
    let notified = 0;
    const store = new InMemoryOutboxStore(() => notified++);

    store.append([]);

    expect(notified).toBe(0);
  });

  it('keeps one copy of a message appended twice under the same id', async () => {
    const store = new InMemoryOutboxStore();

    store.append([message('m-1')]);
    store.append([message('m-1')]);

    expect(await store.pendingCount()).toBe(1);
    const [claimed, ...rest] = await store.claim(10);
    expect(rest).toEqual([]);
    expect(claimed).toEqual({ ...message('m-1'), claimToken: expect.any(String) });
  });

  it('claims nothing for a limit of zero or less', async () => {
    const store = new InMemoryOutboxStore();
    store.append([message('m-1')]);

    expect(await store.claim(0)).toEqual([]);
    expect(await store.claim(-1)).toEqual([]);
    expect(await store.claim(Number.NaN)).toEqual([]);
    expect(ids(await store.claim(1))).toEqual(['m-1']);
  });

  it('claims oldest first, keeping the append order within one millisecond', async () => {
    const store = new InMemoryOutboxStore();
    store.append([message('late', '2026-03-01T10:00:01.000Z'), message('b'), message('a')]);

    expect(ids(await store.claim(10))).toEqual(['b', 'a', 'late']);
  });

  it('claims oldest first across appends that arrive out of order', async () => {
    const store = new InMemoryOutboxStore();
    store.append([message('t2', '2026-03-01T10:00:02.000Z')]);
    expect(ids(await store.claim(1))).toEqual(['t2']);
    store.append([message('t3', '2026-03-01T10:00:03.000Z')]);
    store.append([
      message('t1', '2026-03-01T10:00:01.000Z'),
      message('t1b', '2026-03-01T10:00:01.000Z'),
    ]);
    store.append([message('t4', '2026-03-01T10:00:04.000Z')]);

    expect(ids(await store.claim(10))).toEqual(['t1', 't1b', 't3', 't4']);
  });

  it('orders a message appended again with a new time by its first append among equals', async () => {
    const store = new InMemoryOutboxStore();
    store.append([
      message('a', '2026-03-01T10:00:01.000Z'),
      message('b', '2026-03-01T10:00:02.000Z'),
      message('c', '2026-03-01T10:00:01.000Z'),
    ]);
    // A claim puts them in claim order (a, c, b); giving them back leaves that order.
    await store.release(await store.claim(10));
    store.append([message('c', '2026-03-01T10:00:02.000Z')]);

    expect(ids(await store.claim(10))).toEqual(['a', 'b', 'c']);
  });

  it('moves a message appended again with a later time behind the others', async () => {
    const store = new InMemoryOutboxStore();
    store.append([
      message('a', '2026-03-01T10:00:01.000Z'),
      message('b', '2026-03-01T10:00:02.000Z'),
    ]);
    expect(await store.claim(0)).toEqual([]);
    store.append([message('a', '2026-03-01T10:00:03.000Z')]);

    expect(ids(await store.claim(10))).toEqual(['b', 'a']);
  });

  it('counts only unleased messages toward the limit, skipping the leased ones before them', async () => {
    const store = new InMemoryOutboxStore();
    store.append(['m-1', 'm-2', 'm-3', 'm-4', 'm-5'].map((id) => message(id)));
    const first = await store.claim(2);
    await store.release(first.slice(1));

    expect(ids(await store.claim(2))).toEqual(['m-2', 'm-3']);
    expect(ids(await store.claim(1.9))).toEqual(['m-4']);
    expect(ids(await store.claim(Infinity))).toEqual(['m-5']);
  });

  it('gives each claim its own token', async () => {
    const store = new InMemoryOutboxStore();
    store.append([message('m-1'), message('m-2')]);

    const [first] = await store.claim(1);
    const [second] = await store.claim(1);

    expect(first.claimToken).not.toEqual(second.claimToken);
  });
});
