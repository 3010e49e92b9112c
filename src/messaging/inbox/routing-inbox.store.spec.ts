import { InMemoryInboxStore } from './in-memory-inbox.store';
import { RoutingInboxStore } from './routing-inbox.store';

describe('RoutingInboxStore', () => {
  it('keeps each consumer’s entries in that consumer’s own store', async () => {
    const [billing, fallback] = [new InMemoryInboxStore(), new InMemoryInboxStore()];
    const inbox = new RoutingInboxStore(fallback);
    inbox.register('billing', billing);

    await inbox.record('billing', 'm-1');
    await inbox.record('probe', 'm-2');

    expect(billing.contains('billing', 'm-1')).toBe(true);
    expect(fallback.contains('billing', 'm-1')).toBe(false);
    expect(fallback.contains('probe', 'm-2')).toBe(true);
    expect(await inbox.has('billing', 'm-1')).toBe(true);
    expect(await inbox.has('probe', 'm-2')).toBe(true);
    expect(await inbox.has('billing', 'm-2')).toBe(false);
  });
});
