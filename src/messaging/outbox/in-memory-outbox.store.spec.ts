import { InMemoryOutboxStore } from './in-memory-outbox.store';
import { OutboxMessage } from './outbox-message';

const message = (id: string): OutboxMessage => ({
  id,
  routingKey: 'order.placed',
  body: JSON.stringify({ messageId: id }),
  correlationId: `c-${id}`,
  createdAt: new Date('2026-03-01T10:00:00.000Z'),
});

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
    expect(await store.claim(10)).toEqual([message('m-1')]);
  });

  it('claims nothing for a limit of zero', async () => {
    const store = new InMemoryOutboxStore();
    store.append([message('m-1')]);

    expect(await store.claim(0)).toEqual([]);
    expect(await store.claim(1)).toEqual([message('m-1')]);
  });
});
