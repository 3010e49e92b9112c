import { AppConfig, FEATURE_MODULES, FeatureModuleName } from '../../../common/config/app-config';
import { TopologyNames } from '../topology-names';
import { appBrokerUsers } from './app-broker-users';
import { MODULE_QUEUES } from '../../../../test/support/module-queues';
import { BrokerUser } from './broker-users';

const config = (prefix = '') => Object.assign(new AppConfig(), { amqpNamePrefix: prefix });
const matches = (regex: string, name: string) => regex !== '' && new RegExp(regex).test(name);


describe('broker users generated from the topology', () => {
  let users: Record<FeatureModuleName, BrokerUser>;
  const topic = (m: FeatureModuleName) =>
    users[m].topics.find((t) => t.exchange === 'orderflow.events')!;

  beforeAll(async () => {
    const list = await appBrokerUsers(config(), 'orderflow');
    users = Object.fromEntries(list.map((u) => [u.module, u])) as typeof users;
  });

  it('makes one user per feature module, on the vhost asked for', () => {
    expect(Object.keys(users).sort()).toEqual([...FEATURE_MODULES].sort());
    expect(users.billing).toMatchObject({ user: 'orderflow-billing', vhost: 'orderflow' });
  });

  it('lets a module publish exactly the events it declares, and no other', () => {
    expect(topic('billing').write).toBe(
      '^(payment\\.failed|payment\\.refunded|payment\\.succeeded)$',
    );
    expect(topic('orders').write).toBe('^(order\\.cancelled|order\\.confirmed|order\\.rejected)$');
    expect(matches(topic('notifications').write, 'payment.succeeded')).toBe(false);
    expect(matches(topic('orders').write, 'payment.succeeded')).toBe(false);
    expect(matches(topic('inventory').write, 'inventory.reserved')).toBe(true);
    // Notifications publishes nothing: not even the events exchange is open to it.
    expect(matches(users.notifications.write, 'orderflow.events')).toBe(false);
    expect(topic('notifications').write).toBe('^$');
  });

  it('lets only orders write the commands exchange', () => {
    const writers = FEATURE_MODULES.filter((m) => matches(users[m].write, 'orderflow.commands'));
    expect(writers).toEqual(['orders']);
  });

  it('lets each module bind only the event types it subscribes to', () => {
    expect(topic('notifications').read).toBe(
      '^(order\\.cancelled|order\\.confirmed|order\\.rejected)$',
    );
    // The broadcast subscription binds its fanout exchange to the events exchange.
    expect(matches(topic('orders').read, 'inventory.product-updated')).toBe(true);
    expect(matches(topic('orders').read, 'order.confirmed')).toBe(false);
    // Billing takes commands only; inventory follows only its own product changes (its cache).
    expect(topic('billing').read).toBe('^$');
    expect(topic('inventory').read).toBe('^(inventory\\.product-updated)$');
  });

  it('lets each module configure and read its own queues, and touch no other module’s', () => {
    for (const m of FEATURE_MODULES) {
      for (const [owner, queues] of Object.entries(MODULE_QUEUES))
        for (const q of queues) {
          for (const perm of ['configure', 'read'] as const)
            expect([m, perm, q, matches(users[m][perm], q)]).toEqual([m, perm, q, owner === m]);
          if (owner !== m)
            expect([m, 'write', q, matches(users[m].write, q)]).toEqual([m, 'write', q, false]);
        }
      expect(matches(users[m].configure, `orderflow.instance-lock.${m}`)).toBe(true);
    }
    expect(matches(users.orders.read, 'orders.inventory-product-updated.host-42-a1b2')).toBe(true);
    expect(matches(users.orders.read, 'orders.inventory-product-updated.x.y')).toBe(false);
    expect(matches(users.orders.configure, 'orderflow.instance-lock.billing')).toBe(false);
  });

  it('opens the default exchange only to the modules that use request/reply', () => {
    const writers = FEATURE_MODULES.filter((m) => matches(users[m].write, 'amq.default'));
    expect(writers.sort()).toEqual(['inventory', 'orders']);
  });

  it('gives every module the shared topology every process declares and uses', () => {
    const n = new TopologyNames();
    const shared = [
      n.events,
      n.unrouted,
      n.unroutedQueue,
      n.redeliver,
      n.deadLetter,
      n.deadLetterQueue,
    ];
    for (const m of FEATURE_MODULES) {
      for (const name of shared)
        expect([m, name, matches(users[m].configure, name)]).toEqual([m, name, true]);
      // The dead-letter recorder runs in every process.
      expect(matches(users[m].read, n.deadLetterQueue)).toBe(true);
      // Retries, whatever delays RETRY_DELAYS_MS or a handler sets.
      for (const delay of [100, 1000, 25000]) {
        expect(matches(users[m].write, n.retry(delay))).toBe(true);
        expect(matches(users[m].configure, n.retryQueue(delay))).toBe(true);
      }
    }
  });

  it('builds every name from TopologyNames, prefix included and escaped', async () => {
    const [orders] = await appBrokerUsers(config('t1.'), 'v');
    const n = new TopologyNames('t1.');
    expect(orders.user).toBe('t1.orderflow-orders');
    expect(orders.topics.map((t) => t.exchange)).toEqual([n.events]);
    expect(matches(orders.configure, n.retryQueue(1000))).toBe(true);
    expect(matches(orders.read, n.subscriptionQueue('orders', 'payment.succeeded'))).toBe(true);
    expect(matches(orders.read, 'orders.payment-succeeded')).toBe(false);
    expect(matches(orders.configure, 't1xorderflow.events')).toBe(false);
    expect(matches(orders.write, n.commands)).toBe(true);
  });
});
