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
    expect(ids(await store.claim(1))).toEqual(['m-1']);
  });

  it('claims oldest first, keeping the append order within one millisecond', async () => {
    const store = new InMemoryOutboxStore();
    store.append([message('late', '2026-03-01T10:00:01.000Z'), message('b'), message('a')]);

    expect(ids(await store.claim(10))).toEqual(['b', 'a', 'late']);
  });

  it('gives each claim its own token', async () => {
    const store = new InMemoryOutboxStore();
    store.append([message('m-1'), message('m-2')]);

    const [first] = await store.claim(1);
    const [second] = await store.claim(1);

    expect(first.claimToken).not.toEqual(second.claimToken);
  });
});
