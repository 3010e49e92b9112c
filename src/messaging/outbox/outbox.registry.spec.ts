import { InMemoryOutboxStore } from './in-memory-outbox.store';
import { OutboxMessage } from './outbox-message';
import { OutboxRegistry } from './outbox.registry';

const message = (id: string, createdAt: string): OutboxMessage => ({
  id,
  routingKey: 'order.confirmed',
  body: '{}',
  correlationId: `c-${id}`,
  createdAt: new Date(createdAt),
});

describe('OutboxRegistry', () => {
  it("sums every module's pending messages and finds the oldest across them", async () => {
    const registry = new OutboxRegistry();
    const [orders, billing] = [new InMemoryOutboxStore(), new InMemoryOutboxStore()];
    registry.register('orders', orders);
    registry.register('billing', billing);
    expect(await registry.oldestPendingAt()).toBeUndefined();

    orders.append([message('o-1', '2026-03-01T10:00:02Z'), message('o-2', '2026-03-01T10:00:03Z')]);
    billing.append([message('b-1', '2026-03-01T10:00:01Z')]);

    expect(await registry.pendingCount()).toBe(3);
    expect(await registry.oldestPendingAt()).toEqual(new Date('2026-03-01T10:00:01Z'));
  });
});
