import { InMemoryOutboxStore } from './in-memory-outbox.store';
import { OutboxMessage } from './outbox-message';
import { ClaimedOutboxMessage } from './outbox.store';

const message = (id: string): OutboxMessage => ({
  id,
  routingKey: 'order.placed',
  body: '{}',
  correlationId: `c-${id}`,
  createdAt: new Date('2026-03-01T10:00:00.000Z'),
});

const ids = (ms: ClaimedOutboxMessage[]): string[] => ms.map((m) => m.id);

/** Two relays (two claimers) on one store, on a clock the test moves. */
describe('InMemoryOutboxStore leases', () => {
  let clock: number;
  let store: InMemoryOutboxStore;

  beforeEach(() => {
    clock = 0;
    store = new InMemoryOutboxStore(undefined, { leaseMs: 1000, now: () => clock });
    store.append(['m-1', 'm-2', 'm-3'].map(message));
  });

  it('never hands a leased row to a second claimer', async () => {
    const a = await store.claim(2);
    clock = 1000;
    const b = await store.claim(10);

    expect(ids(a)).toEqual(['m-1', 'm-2']);
    expect(ids(b)).toEqual(['m-3']);
  });

  it('hands a row to another claimer once its lease is over', async () => {
    const a = await store.claim(10);
    clock = 1001;
    const b = await store.claim(10);

    expect(ids(b)).toEqual(ids(a));
  });

  it("ignores the first claimer's late markSent and release once another holds the row", async () => {
    const a = await store.claim(10);
    clock = 1001;
    const b = await store.claim(1);

    await store.markSent(a);
    await store.release(a);

    expect(await store.pendingCount()).toBe(1);
    // Still held by b: a third claimer does not get it.
    expect(await store.claim(10)).toEqual([]);
    await store.markSent(b);
    expect(await store.pendingCount()).toBe(0);
  });

  it('lets a claimer settle its rows after its lease, while nobody took them over', async () => {
    const a = await store.claim(10);
    clock = 5000;

    await store.markSent(a.slice(0, 1));
    await store.release(a.slice(1));

    expect(await store.pendingCount()).toBe(2);
    expect(ids(await store.claim(10))).toEqual(['m-2', 'm-3']);
  });

  it('does not keep a row whose markSent failed claimed forever: the lease runs out', async () => {
    const [lost] = await store.claim(1);
    // The relay's markSent never arrived; nothing released it either.
    clock = 999;
    expect(ids(await store.claim(10))).toEqual(['m-2', 'm-3']);
    clock = 1500;

    expect(ids(await store.claim(10))).toEqual([lost.id]);
  });

  it('lets a release hand rows straight back, and only its own', async () => {
    const a = await store.claim(1);
    const b = await store.claim(1);

    await store.release([{ ...b[0], claimToken: a[0].claimToken }]);
    expect(ids(await store.claim(10))).toEqual(['m-3']);
    await store.release(a);

    expect(ids(await store.claim(10))).toEqual(['m-1']);
  });
});
