import { randomBytes } from 'node:crypto';
import { freePort } from './support/app-process';
import { consumerCount } from './support/broker';
import { AppsUnderOnePrefix, BrokerProxy, lockState, spawnMain } from './support/instance-lock';
import { OrdersApi } from './support/orders-api';
import { startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const REFUSAL = /Another instance of inventory is already running[\s\S]*Set MONGODB_URI/;
const INVENTORY = { APP_MODULES: 'inventory' };

/**
 * In memory, a module's data lives in one process: a second instance of it under the same prefix
 * would share its queues but not its data (measured before: one unit of stock sold twice).
 */
describe('One instance per in-memory module on a broker', () => {
  let apps: AppsUnderOnePrefix;
  let proxy: BrokerProxy | undefined;
  const lock = () => lockState(`${apps.prefix}orderflow.instance-lock.inventory`);

  beforeEach(() => (apps = new AppsUnderOnePrefix(`il${randomBytes(4).toString('hex')}.`)));
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await apps.closeAll();
  });

  it('refuses a second inventory; the first keeps working; a new one starts once it stops', async () => {
    const first = await apps.start(INVENTORY);
    await expect(apps.start(INVENTORY)).rejects.toThrow(REFUSAL);

    expect((await first.http().get('/health').expect(200)).body.status).toBe('ok');
    await new OrdersApi(first).createProduct('LOCK-1', 100, 1);
    expect(await new OrdersApi(first).product('LOCK-1')).toMatchObject({ available: 1 });
    // The refused one never consumed: only the first is on inventory's queues.
    expect(await consumerCount(`${apps.prefix}inventory.reserve-stock`)).toBe(1);

    await first.stop();
    expect(await lock()).toBe('free');
    const next = await apps.start(INVENTORY);
    expect((await next.http().get('/health').expect(200)).body.status).toBe('ok');
  });

  it('makes a second process exit 1, saying to set MONGODB_URI', async () => {
    await apps.start(INVENTORY);
    const main = spawnMain({ AMQP_NAME_PREFIX: apps.prefix, ...INVENTORY }, 60_000);
    expect(await main.exited).toBe(1);
    expect(main.output()).toMatch(REFUSAL);
  });

  it('started while the broker was unreachable, serves, then stops (exit 1) once it finds a twin', async () => {
    const holder = await apps.start(INVENTORY);
    proxy = new BrokerProxy(await freePort());
    const env = { AMQP_NAME_PREFIX: apps.prefix, AMQP_URL: proxy.url, ...INVENTORY };
    const late = spawnMain(env, 90_000);
    await waitFor(
      async () => late.output(),
      (out) => /Listening on/.test(out),
      {
        timeoutMs: 60_000,
        what: 'the second process to serve without the broker',
      },
    );
    expect(late.output()).toMatch(/cannot yet check that no other instance of inventory runs/);
    await proxy.listen();
    expect(await late.exited).toBe(1);
    expect(late.output()).toMatch(REFUSAL);
    expect(late.output()).toMatch(/Stopping\./);
    expect((await holder.http().get('/health').expect(200)).body.status).toBe('ok');
  });

  it('takes the lock again after its connection drops, and still refuses a twin', async () => {
    proxy = new BrokerProxy(await freePort());
    await proxy.listen();
    const first = await apps.start({ ...INVENTORY, AMQP_URL: proxy.url });
    expect(await lock()).toBe('held');
    proxy.dropConnections();
    await waitFor(lock, (s) => s === 'held', { what: 'the lock to be taken again' });
    await expect(apps.start(INVENTORY)).rejects.toThrow(REFUSAL);
    await waitFor(
      async () => (await first.http().get('/health')).body.status,
      (s) => s === 'ok',
      { what: 'the first app to be healthy again' },
    );
  });

  it('refuses a monolith beside a split module it also runs, and not one under another prefix', async () => {
    await apps.start({ APP_MODULES: 'billing' });
    await expect(apps.start({})).rejects.toThrow(/Another instance of billing/);
    const elsewhere = await startTestApp({ APP_MODULES: 'billing' });
    await elsewhere.close();
  });

  it('lets different modules share a prefix, and sells a last unit once', async () => {
    const stock = await apps.start(INVENTORY);
    const shop = await apps.start({ APP_MODULES: 'orders,billing' });
    await new OrdersApi(stock).createProduct('LAST-1', 250, 1);
    const api = new OrdersApi(shop);
    const place = () => api.place([{ sku: 'LAST-1', quantity: 1 }]);
    // The new product reaches the orders catalog by a broadcast event.
    const first = await waitFor(place, () => true, { what: 'the product in the catalog' });
    const second = await place();
    const statuses = await Promise.all(
      [first, second].map(async (o) => {
        const done = await waitFor(
          () => api.get(o.id),
          (b) => b.status === 'CONFIRMED' || b.status === 'REJECTED',
          { what: `order ${o.id} to finish` },
        );
        return done.status;
      }),
    );
    expect(statuses.sort()).toEqual(['CONFIRMED', 'REJECTED']);
  });
});
