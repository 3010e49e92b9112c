import { CachedProduct, CatalogCache } from '../application/catalog.cache';

/** Beyond this many products, a put first sweeps out the expired ones. */
const SWEEP_ABOVE = 10_000;

interface Held<T> {
  value: T;
  expiresAt: number;
}

/**
 * The catalog cache in this process's memory: the whole cache without Redis, the short layer in
 * front of it with. Same rules as Redis: entries expire, a put never replaces a newer version,
 * and a put whose generation an eviction has outdated is dropped.
 */
export class MemoryCatalogCache extends CatalogCache {
  private readonly products = new Map<string, Held<CachedProduct>>();
  private list?: Held<CachedProduct[]>;
  private gen = 0;
  private sweptAt = -Infinity;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async generation(): Promise<string> {
    return this.generationNow();
  }

  async getProduct(sku: string): Promise<CachedProduct | undefined> {
    return this.peekProduct(sku);
  }

  async getList(): Promise<CachedProduct[] | undefined> {
    return this.peekList();
  }

  async putProduct(product: CachedProduct, generation: string): Promise<void> {
    this.keepProduct(product, generation);
  }

  async putList(products: CachedProduct[], generation: string): Promise<void> {
    this.keepList(products, generation);
  }

  async evict(sku: string): Promise<void> {
    this.drop(sku);
  }

  flushLocal(): void {
    this.products.clear();
    this.list = undefined;
    this.gen++;
  }

  // The synchronous forms, for the layer in front of Redis: nothing can run between its peek and
  // its keep but what the generation records.

  generationNow(): string {
    return String(this.gen);
  }

  peekProduct(sku: string): CachedProduct | undefined {
    const held = this.products.get(sku);
    if (held && held.expiresAt > this.now()) return held.value;
    if (held) this.products.delete(sku);
    return undefined;
  }

  peekList(): CachedProduct[] | undefined {
    if (this.list && this.list.expiresAt > this.now()) return this.list.value;
    this.list = undefined;
    return undefined;
  }

  keepProduct(product: CachedProduct, generation: string): void {
    if (generation !== this.generationNow()) return;
    const current = this.peekProduct(product.sku);
    if (current && current.version >= product.version) return;
    if (this.products.size >= SWEEP_ABOVE) this.sweep();
    this.products.set(product.sku, { value: product, expiresAt: this.now() + this.ttlMs });
  }

  keepList(products: CachedProduct[], generation: string): void {
    if (generation !== this.generationNow()) return;
    this.list = { value: products, expiresAt: this.now() + this.ttlMs };
  }

  /** At most once per TTL: a catalog that is simply large must not pay a full scan per put. */
  private sweep(): void {
    const now = this.now();
    if (now - this.sweptAt < this.ttlMs) return;
    this.sweptAt = now;
    for (const [sku, held] of this.products) if (held.expiresAt <= now) this.products.delete(sku);
  }

  drop(sku: string): void {
    this.products.delete(sku);
    this.list = undefined;
    this.gen++;
  }
}
