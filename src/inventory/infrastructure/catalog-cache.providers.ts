import { Provider } from '@nestjs/common';
import { Registry } from 'prom-client';
import { AppConfig } from '../../common/config/app-config';
import { CatalogCache } from '../application/catalog.cache';
import { CatalogWriteFence } from '../application/catalog-write.fence';
import { LayeredCatalogCache } from './layered-catalog.cache';
import { MemoryCatalogCache } from './memory-catalog.cache';
import { MeteredCatalogCache } from './metered-catalog.cache';
import { RedisCatalogCache } from './redis-catalog.cache';

/** Redis (with a short in-process layer in front) when REDIS_URL is set, process memory otherwise. */
export function catalogCache(config: AppConfig): CatalogCache {
  if (!config.redisUrl) return new MemoryCatalogCache(config.catalogCacheTtlMs);
  const redis = new RedisCatalogCache(
    config.redisUrl,
    config.amqpNamePrefix,
    config.catalogCacheTtlMs,
  );
  if (config.catalogMemoryTtlMs === 0) return redis;
  return new LayeredCatalogCache(new MemoryCatalogCache(config.catalogMemoryTtlMs), redis);
}

export const catalogCacheProviders: Provider[] = [
  {
    provide: CatalogCache,
    useFactory: (config: AppConfig, registry: Registry) =>
      new MeteredCatalogCache(catalogCache(config), registry),
    inject: [AppConfig, Registry],
  },
  {
    provide: CatalogWriteFence,
    // An entry lives its TTL in Redis, then up to the memory TTL more in an instance's own layer.
    useFactory: (config: AppConfig) =>
      new CatalogWriteFence(config.catalogCacheTtlMs + config.catalogMemoryTtlMs),
    inject: [AppConfig],
  },
];
