import { InMemoryInboxStore } from './in-memory-inbox.store';

describe('InMemoryInboxStore', () => {
  it('keeps exactly `capacity` entries: a full inbox forgets nothing yet', async () => {
    const inbox = new InMemoryInboxStore(3);

    await inbox.record('billing', 'm-1');
    await inbox.record('billing', 'm-2');
    await inbox.record('billing', 'm-3');

    expect(await inbox.has('billing', 'm-1')).toBe(true);
    expect(await inbox.has('billing', 'm-2')).toBe(true);
    expect(await inbox.has('billing', 'm-3')).toBe(true);
  });

  it('forgets the oldest entry, and only that one, once over capacity', async () => {
    const inbox = new InMemoryInboxStore(3);
    for (const id of ['m-1', 'm-2', 'm-3', 'm-4']) await inbox.record('billing', id);

    expect(await inbox.has('billing', 'm-1')).toBe(false);
    expect(await inbox.has('billing', 'm-2')).toBe(true);
    expect(await inbox.has('billing', 'm-3')).toBe(true);
    expect(await inbox.has('billing', 'm-4')).toBe(true);
  });

  it('counts the capacity over all consumers together', async () => {
    const inbox = new InMemoryInboxStore(2);

    await inbox.record('billing', 'm-1');
    await inbox.record('notifications', 'm-1');
    await inbox.record('inventory', 'm-1');

    expect(await inbox.has('billing', 'm-1')).toBe(false);
    expect(await inbox.has('notifications', 'm-1')).toBe(true);
    expect(await inbox.has('inventory', 'm-1')).toBe(true);
  });

  it('does not count a repeated record twice against the capacity', async () => {
    const inbox = new InMemoryInboxStore(2);

    await inbox.record('billing', 'm-1');
    await inbox.record('billing', 'm-2');
    await inbox.record('billing', 'm-2');

    expect(await inbox.has('billing', 'm-1')).toBe(true);
    expect(await inbox.has('billing', 'm-2')).toBe(true);
  });
});
