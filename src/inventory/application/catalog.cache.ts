import { ProductProps } from '../domain/product.entity';

/** A product as the catalog cache keeps it: its stored state, version included. */
export type CachedProduct = ProductProps;

/**
 * The catalog cache port. Fills are guarded by a generation: take one before loading from the
 * store, pass it to the put, and the put is dropped if an eviction came in between, so a slow
 * reader can never put back what an event just evicted.
 *
 * Reads and puts never fail: a cache that cannot answer is a miss. Evictions do fail, so the
 * event that asked for one is retried.
 */
export abstract class CatalogCache {
  abstract generation(): Promise<string>;
  abstract getProduct(sku: string): Promise<CachedProduct | undefined>;
  abstract getList(): Promise<CachedProduct[] | undefined>;
  abstract putProduct(product: CachedProduct, generation: string): Promise<void>;
  abstract putList(products: CachedProduct[], generation: string): Promise<void>;
  /** The product's entry and every list that may hold it. */
  abstract evict(sku: string): Promise<void>;
  /** Forgets what this process keeps in its own memory, e.g. after missing events. */
  abstract flushLocal(): void;

  /** Connects, where there is something to connect to; never fails a start. */
  async open(): Promise<void> {}

  async close(): Promise<void> {}
}
