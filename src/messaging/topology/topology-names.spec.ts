import { TopologyNames } from './topology-names';

describe('TopologyNames', () => {
  it('names subscription queues <module>.<event-with-dashes>', () => {
    expect(new TopologyNames().subscriptionQueue('inventory', 'order.placed')).toBe(
      'inventory.order-placed',
    );
    expect(new TopologyNames().subscriptionQueue('orders', 'inventory.product-updated')).toBe(
      'orders.inventory-product-updated',
    );
  });

  it('names a command queue after the command alone when the module is its addressee', () => {
    expect(new TopologyNames().subscriptionQueue('inventory', 'inventory.reserve-stock')).toBe(
      'inventory.reserve-stock',
    );
    expect(new TopologyNames('t.').subscriptionQueue('billing', 'billing.charge-payment')).toBe(
      't.billing.charge-payment',
    );
    expect(new TopologyNames().subscriptionQueue('inventoryx', 'inventory.reserve-stock')).toBe(
      'inventoryx.inventory-reserve-stock',
    );
  });

  it('prefixes every name so test runs never meet a dev app', () => {
    const n = new TopologyNames('t1.');
    expect([
      n.events,
      n.deadLetterQueue,
      n.retry(1000),
      n.retryQueue(1000),
      n.unroutedQueue,
      n.subscriptionQueue('billing', 'order.placed'),
    ]).toEqual([
      't1.orderflow.events',
      't1.orderflow.dead-letters',
      't1.orderflow.retry.1000ms',
      't1.orderflow.retry.1000ms.wait',
      't1.orderflow.unrouted.kept',
      't1.billing.order-placed',
    ]);
  });
});
