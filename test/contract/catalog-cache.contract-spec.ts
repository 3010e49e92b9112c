import Redis from 'ioredis';
import { CachedProduct, CatalogCache } from '../../src/inventory/application/catalog.cache';
import { LayeredCatalogCache } from '../../src/inventory/infrastructure/layered-catalog.cache';
import { MemoryCatalogCache } from '../../src/inventory/infrastructure/memory-catalog.cache';
import { RedisCatalogCache } from '../../src/inventory/infrastructure/redis-catalog.cache';
import { REDIS_URL, redisReachable, uniquePrefix } from '../support/redis';
import { describeWhen } from '../support/requires';
import { waitFor } from '../support/wait-for';

const TTL_MS = 300;
const at = (version: number, price = 100 * version, sku = 'SKU-MUG'): CachedProduct => ({
  sku,
  name: 'Mug',
  price,
  currency: 'EUR',
  available: 5,
  reserved: 1,
  version,
});

type Made = { cache: CatalogCache; close: () => Promise<void> };
type Make = () => Promise<Made>;

/** Connected, as the app's startup waits for it to be. */
async function redisCache(ttl = TTL_MS, prefix = uniquePrefix()): Promise<RedisCatalogCache> {
  const cache = new RedisCatalogCache(REDIS_URL, prefix, ttl);
  await cache.open();
  return cache;
}

const adapters: Array<[string, boolean, Make]> = [
  ['memory', true, async () => ({ cache: new MemoryCatalogCache(TTL_MS), close: async () => {} })],
  [
    'redis',
    false,
    async () => {
      const cache = await redisCache();
      return { cache, close: () => cache.close() };
    },
  ],
  [
    'memory in front of redis',
    false,
    async () => {
      const back = await redisCache();
      const cache = new LayeredCatalogCache(new MemoryCatalogCache(TTL_MS / 3), back);
      return { cache, close: () => back.close() };
    },
  ],
];

const redisUp = redisReachable();

for (const [name, local, make] of adapters) {
  describeWhen(local || redisUp, `Redis at ${REDIS_URL}`)(`CatalogCache (${name})`, () => {
    let cache: CatalogCache;
    let close: () => Promise<void>;

    beforeEach(async () => ({ cache, close } = await make()));
    afterEach(() => close());

    it('keeps a product and the list until evicted', async () => {
      const g = await cache.generation();
      await cache.putProduct(at(1), g);
      await cache.putList([at(1), at(1, 5, 'SKU-TEE')], g);
      expect(await cache.getProduct('SKU-MUG')).toEqual(at(1));
      expect(await cache.getList()).toEqual([at(1), at(1, 5, 'SKU-TEE')]);
      await cache.evict('SKU-TEE');
      // The list may hold the evicted product; the other product's entry stays.
      expect(await cache.getList()).toBeUndefined();
      expect(await cache.getProduct('SKU-MUG')).toEqual(at(1));
      await cache.evict('SKU-MUG');
      expect(await cache.getProduct('SKU-MUG')).toBeUndefined();
    });

    it('never replaces a newer version with an older one', async () => {
      await cache.putProduct(at(3), await cache.generation());
      await cache.putProduct(at(2), await cache.generation());
      expect((await cache.getProduct('SKU-MUG'))?.version).toBe(3);
      await cache.putProduct(at(4), await cache.generation());
      expect((await cache.getProduct('SKU-MUG'))?.version).toBe(4);
    });

    it('drops a put taken before an eviction', async () => {
      const before = await cache.generation();
      await cache.evict('SKU-OTHER');
      await cache.putProduct(at(1), before);
      await cache.putList([at(1)], before);
      expect(await cache.getProduct('SKU-MUG')).toBeUndefined();
      expect(await cache.getList()).toBeUndefined();
      await cache.putProduct(at(1), await cache.generation());
      expect(await cache.getProduct('SKU-MUG')).toEqual(at(1));
    });

    it('lets entries expire by TTL, with no eviction at all', async () => {
      const g = await cache.generation();
      await cache.putProduct(at(1), g);
      await cache.putList([at(1)], g);
      await waitFor(
        async () => [await cache.getProduct('SKU-MUG'), await cache.getList()],
        ([p, l]) => p === undefined && l === undefined,
        { timeoutMs: 5_000, what: 'both entries expired' },
      );
    });
  });
}

describeWhen(redisUp, `Redis at ${REDIS_URL}`)('RedisCatalogCache', () => {
  it('shares entries and evictions between instances on the same prefix', async () => {
    const prefix = uniquePrefix();
    const a = await redisCache(10_000, prefix);
    const b = await redisCache(10_000, prefix);
    const other = await redisCache(10_000);
    try {
      await a.putProduct(at(1), await a.generation());
      expect(await b.getProduct('SKU-MUG')).toEqual(at(1));
      expect(await other.getProduct('SKU-MUG')).toBeUndefined();
      await b.evict('SKU-MUG');
      expect(await a.getProduct('SKU-MUG')).toBeUndefined();
    } finally {
      await Promise.all([a, b, other].map((c) => c.close()));
    }
  });

  it('sets the TTL on every entry it writes', async () => {
    const prefix = uniquePrefix();
    const cache = await redisCache(10_000, prefix);
    const redis = new Redis(REDIS_URL);
    try {
      const g = await cache.generation();
      await cache.putProduct(at(1), g);
      await cache.putList([at(1)], g);
      const keys = await redis.keys(`${prefix}*`);
      const entries = keys.filter((k) => !k.endsWith(':generation'));
      expect(entries).toHaveLength(2);
      for (const k of entries) {
        const ttl = await redis.pttl(k);
        expect(ttl).toBeGreaterThan(5_000);
        expect(ttl).toBeLessThanOrEqual(10_000);
      }
    } finally {
      await cache.close();
      redis.disconnect();
    }
  });

  it('answers misses when Redis is unreachable, and refuses evictions loudly', async () => {
    const cache = new RedisCatalogCache('redis://127.0.0.1:1', uniquePrefix(), 10_000);
    try {
      await cache.open();
      const g = await cache.generation();
      await cache.putProduct(at(1), g);
      expect(await cache.getProduct('SKU-MUG')).toBeUndefined();
      expect(await cache.getList()).toBeUndefined();
      await expect(cache.evict('SKU-MUG')).rejects.toThrow();
    } finally {
      await cache.close();
    }
  });
});
