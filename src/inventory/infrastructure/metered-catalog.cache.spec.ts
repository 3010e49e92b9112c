import { Registry } from 'prom-client';
import { MUG } from '../inventory.fixtures';
import { MemoryCatalogCache } from './memory-catalog.cache';
import { MeteredCatalogCache } from './metered-catalog.cache';

describe('MeteredCatalogCache', () => {
  it('counts hits, misses and evictions, and answers what the cache it wraps answers', async () => {
    const registry = new Registry();
    const inner = new MemoryCatalogCache(10_000);
    const cache = new MeteredCatalogCache(inner, registry);
    const mug = { ...MUG, version: 1 };

    expect(await cache.getProduct('SKU-MUG')).toBeUndefined();
    await cache.putProduct(mug, await cache.generation());
    await cache.putList([mug], await cache.generation());
    expect(await cache.getProduct('SKU-MUG')).toEqual(mug);
    expect(await cache.getList()).toEqual([mug]);
    await cache.evict('SKU-MUG');
    expect(await inner.getProduct('SKU-MUG')).toBeUndefined();
    expect(await cache.getList()).toBeUndefined();

    const text = await registry.metrics();
    expect(text).toContain('orderflow_catalog_cache_lookups_total{kind="product",result="miss"} 1');
    expect(text).toContain('orderflow_catalog_cache_lookups_total{kind="product",result="hit"} 1');
    expect(text).toContain('orderflow_catalog_cache_lookups_total{kind="list",result="hit"} 1');
    expect(text).toContain('orderflow_catalog_cache_lookups_total{kind="list",result="miss"} 1');
    expect(text).toContain('orderflow_catalog_cache_evictions_total 1');
  });

  it('opens and closes the cache it wraps with the app', async () => {
    const inner = new MemoryCatalogCache(10_000);
    const open = jest.spyOn(inner, 'open');
    const close = jest.spyOn(inner, 'close');
    const cache = new MeteredCatalogCache(inner, new Registry());
    await cache.onModuleInit();
    await cache.onApplicationShutdown();
    expect(open).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
