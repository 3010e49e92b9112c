import { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { CachedProduct, CatalogCache } from '../application/catalog.cache';

/**
 * Counts what the catalog cache answers, for the hit ratio an operator sizes TTLs by, and the
 * evictions that events bring. Wraps whichever cache is configured; changes nothing it answers.
 * As the provider Nest holds, it also opens and closes the cache it wraps.
 */
export class MeteredCatalogCache
  extends CatalogCache
  implements OnModuleInit, OnApplicationShutdown
{
  private readonly lookups: Counter<'kind' | 'result'>;
  private readonly evictions: Counter;

  constructor(
    private readonly inner: CatalogCache,
    registry: Registry,
  ) {
    super();
    this.lookups = new Counter({
      name: 'orderflow_catalog_cache_lookups_total',
      help: 'Catalog cache lookups by kind (product, list) and result (hit, miss)',
      labelNames: ['kind', 'result'],
      registers: [registry],
    });
    this.evictions = new Counter({
      name: 'orderflow_catalog_cache_evictions_total',
      help: 'Catalog cache evictions made on product-updated events',
      registers: [registry],
    });
  }

  generation(): Promise<string> {
    return this.inner.generation();
  }

  async getProduct(sku: string): Promise<CachedProduct | undefined> {
    return this.count('product', await this.inner.getProduct(sku));
  }

  async getList(): Promise<CachedProduct[] | undefined> {
    return this.count('list', await this.inner.getList());
  }

  putProduct(product: CachedProduct, generation: string): Promise<void> {
    return this.inner.putProduct(product, generation);
  }

  putList(products: CachedProduct[], generation: string): Promise<void> {
    return this.inner.putList(products, generation);
  }

  async evict(sku: string): Promise<void> {
    await this.inner.evict(sku);
    this.evictions.inc();
  }

  flushLocal(): void {
    this.inner.flushLocal();
  }

  onModuleInit(): Promise<void> {
    return this.inner.open();
  }

  onApplicationShutdown(): Promise<void> {
    return this.inner.close();
  }

  private count<T>(kind: 'product' | 'list', found: T | undefined): T | undefined {
    this.lookups.inc({ kind, result: found === undefined ? 'miss' : 'hit' });
    return found;
  }
}
