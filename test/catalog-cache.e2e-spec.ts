import Redis from 'ioredis';
import { InstanceLockKeeper } from '../src/messaging/instance-lock/instance-lock.keeper';
import { PrivateNode } from './support/private-broker/private-node';
import { rabbitInstalled } from './support/private-broker/rabbit-tools';
import { REDIS_URL, redisReachable } from './support/redis';
import { describeWhen } from './support/requires';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const redisUp = redisReachable();
/** Far longer than any test here: an entry gone within one was evicted, not expired. */
const LONG_TTLS = { CATALOG_CACHE_TTL_MS: '600000', CATALOG_MEMORY_TTL_MS: '60000' };
const productKey = (t: TestApp, sku: string) =>
  `${t.config.amqpNamePrefix}orderflow:{catalog}:product:${sku}`;

const put = (t: TestApp, sku: string, body: object) =>
  t.http().put(`/inventory/products/${sku}`).set('Authorization', t.admin).send(body).expect(200);
const priceOn = async (t: TestApp, sku: string): Promise<number | 'not found'> => {
  const res = await t.http().get(`/inventory/products/${sku}`);
  if (res.status === 404) return 'not found';
  expect(res.status).toBe(200);
  return (res.body as { price: number }).price;
};

describeWhen(redisUp, `Redis at ${REDIS_URL}`)('The catalog cache, evicted by events', () => {
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL, SEED_DEMO_CATALOG: 'false', ...LONG_TTLS });
    // A second inventory instance of the same deployment, as MongoDB lets one run: same names,
    // same Redis. In memory the instance lock would refuse it (its store is not A's), so here the
    // lock alone is waved through; its empty store then shows that whatever it serves of A's
    // products can only come from the cache.
    jest.spyOn(InstanceLockKeeper.prototype, 'start').mockResolvedValueOnce('held');
    b = await startTestApp({
      REDIS_URL,
      SEED_DEMO_CATALOG: 'false',
      APP_MODULES: 'inventory',
      AMQP_NAME_PREFIX: a.config.amqpNamePrefix,
      ...LONG_TTLS,
    });
    redis = new Redis(REDIS_URL);
  }, 60_000);

  afterAll(async () => {
    redis?.disconnect();
    await b?.stop();
    await a?.close();
  });

  it('serves the writer its own write at once, before the event arrives', async () => {
    await put(a, 'SKU-RYW', { name: 'Mug', price: 500, stock: 10 });
    expect(await priceOn(a, 'SKU-RYW')).toBe(500);
    for (const price of [600, 700, 800]) {
      await put(a, 'SKU-RYW', { price });
      expect(await priceOn(a, 'SKU-RYW')).toBe(price);
    }
    expect((await a.http().get('/inventory/products').expect(200)).body).toEqual(
      expect.arrayContaining([expect.objectContaining({ sku: 'SKU-RYW', price: 800 })]),
    );
  });

  it("evicts every instance's entries, in Redis and in its memory, on the event", async () => {
    const evictions: number[] = [];
    const generation = `${a.config.amqpNamePrefix}orderflow:{catalog}:generation`;
    const evicted = () => redis.get(generation).then(Number);
    for (let i = 1; i <= 10; i++) {
      const sku = `SKU-EVICT-${i}`;
      const before = await evicted();
      await put(a, sku, { name: 'Tee', price: 500, stock: 10 });
      // The creation's own event, heard by both instances, must have gone by before B caches.
      await waitFor(evicted, (g) => g >= before + 2, { what: 'both instances evicting' });
      expect(await priceOn(a, sku)).toBe(500);
      // B's store never had the product: it can only be serving Redis, now in its memory too.
      expect(await priceOn(b, sku)).toBe(500);
      // Taken out of Redis, B still answers: from its own memory layer. Then put back.
      const key = productKey(a, sku);
      const entry = await redis.get(key);
      expect(entry).not.toBeNull();
      await redis.del(key);
      expect(await priceOn(b, sku)).toBe(500);
      await redis.set(key, entry!, 'PX', 600_000);

      const changed = Date.now();
      await put(a, sku, { price: 900 });
      await waitFor(() => priceOn(b, sku), (p) => p === 'not found', {
        timeoutMs: 10_000,
        what: "B's memory entry evicted by the event (its own store never had the product)",
      });
      evictions.push(Date.now() - changed);
      expect(await redis.exists(key)).toBe(0);
    }
    // How fast, the bench measures (catalog.eviction_ms_p99); this only shows it was the event.
    console.log(`eviction seen on the other instance after ${evictions.join(', ')} ms`);
    // An operator sees it too: each instance counts its evictions and its hits.
    const metrics = (await b.http().get('/metrics').expect(200)).text;
    expect(Number(/^orderflow_catalog_cache_evictions_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(20);
    expect(metrics).toMatch(/^orderflow_catalog_cache_lookups_total\{kind="product",result="hit"\} [1-9]/m);
  });
});

describeWhen(redisUp && rabbitInstalled(), `Redis at ${REDIS_URL} and rabbitmq-server`)(
  'The catalog cache with the broker down',
  () => {
    let node: PrivateNode;
    let a: TestApp;
    let b: TestApp;
    let redis: Redis;
    // Long enough to outlast stopping the node, short enough to wait out.
    const ttls = { CATALOG_CACHE_TTL_MS: '10000', CATALOG_MEMORY_TTL_MS: '300' };

    beforeAll(async () => {
      node = await PrivateNode.start();
      a = await startTestApp({ AMQP_URL: node.url(), REDIS_URL, SEED_DEMO_CATALOG: 'false', ...ttls });
      // As above: a second inventory instance whose own store is empty (see the first suite).
      jest.spyOn(InstanceLockKeeper.prototype, 'start').mockResolvedValueOnce('held');
      b = await startTestApp({
        AMQP_URL: node.url(),
        REDIS_URL,
        SEED_DEMO_CATALOG: 'false',
        APP_MODULES: 'inventory',
        AMQP_NAME_PREFIX: a.config.amqpNamePrefix,
        ...ttls,
      });
      redis = new Redis(REDIS_URL);
    }, 120_000);

    afterAll(async () => {
      redis?.disconnect();
      try {
        await b?.stop();
        await a?.close();
      } finally {
        await node?.remove();
      }
    });

    it('serves a stale entry no longer than its TTL, and evicts again once the broker is back', async () => {
      const generation = `${a.config.amqpNamePrefix}orderflow:{catalog}:generation`;
      const evicted = () => redis.get(generation).then(Number);
      const before = await evicted();
      await put(a, 'SKU-DOWN', { name: 'Mug', price: 500, stock: 10 });
      await waitFor(evicted, (g) => g >= before + 2, { what: 'both instances evicting' });
      expect(await priceOn(a, 'SKU-DOWN')).toBe(500);
      expect(await priceOn(b, 'SKU-DOWN')).toBe(500); // from Redis: B's store is empty

      await node.stopApp();
      // The write commits, its event held in the outbox: nothing can evict B's or Redis's entry.
      await put(a, 'SKU-DOWN', { price: 700 });
      expect(await priceOn(b, 'SKU-DOWN')).toBe(500);
      await waitFor(() => priceOn(b, 'SKU-DOWN'), (p) => p === 'not found', {
        timeoutMs: 30_000,
        what: 'the stale entry expired by TTL, no event being able to evict it',
      });
      // The writer, meanwhile, reads its own write, broker or not.
      expect(await priceOn(a, 'SKU-DOWN')).toBe(700);

      await node.startApp();
      // Back on the broker, with new instance queues: a change is evicted by its event again.
      const back = await evicted();
      let price = 700;
      await waitFor(
        async () => {
          await put(a, 'SKU-DOWN', { price: ++price });
          return evicted();
        },
        (g) => g > back,
        { timeoutMs: 60_000, what: 'product-updated events evicting once the broker is back' },
      );
    });
  },
);
