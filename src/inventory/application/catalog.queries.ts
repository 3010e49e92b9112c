import { Injectable } from '@nestjs/common';
import { ProductNotFoundError } from '../domain/product-not-found.error';
import { CachedProduct, CatalogCache } from './catalog.cache';
import { CatalogWriteFence } from './catalog-write.fence';
import { ProductRepository } from './product.repository';

/**
 * The catalog as shoppers read it, through the cache. Stock figures in a cached entry may lag
 * reservations by up to the cache and memory TTLs together (reservations announce no product change, and evicting
 * per order would empty the cache of exactly the products that sell); name and price changes
 * are evicted by their event. Reserving stock always reads the store, never this.
 */
@Injectable()
export class CatalogQueries {
  constructor(
    private readonly cache: CatalogCache,
    private readonly fence: CatalogWriteFence,
    private readonly products: ProductRepository,
  ) {}

  async product(sku: string): Promise<CachedProduct> {
    const cached = await this.cache.getProduct(sku);
    if (cached && !this.fence.outdates(cached)) return cached;
    const generation = await this.cache.generation();
    const [product] = await this.products.getMany([sku]);
    if (!product) throw new ProductNotFoundError(sku);
    const entry = product.snapshot();
    await this.cache.putProduct(entry, generation);
    return entry;
  }

  async list(): Promise<CachedProduct[]> {
    const cached = await this.cache.getList();
    if (cached && !this.fence.outdatesList(cached)) return cached;
    const generation = await this.cache.generation();
    const entries = (await this.products.list()).map((p) => p.snapshot());
    await this.cache.putList(entries, generation);
    return entries;
  }

  /** A product changed somewhere: its entries go, in this process and in the shared cache. */
  evict(sku: string): Promise<void> {
    return this.cache.evict(sku);
  }

  /** After a reconnect: events may have been missed while this instance's queue was gone. */
  resync(): void {
    this.cache.flushLocal();
  }
}
