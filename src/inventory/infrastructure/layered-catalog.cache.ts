import { CachedProduct, CatalogCache } from '../application/catalog.cache';
import { MemoryCatalogCache } from './memory-catalog.cache';

/**
 * A short-lived in-process layer in front of a shared cache: the hottest products are served
 * without a round trip. A generation is both layers' (`front/back`), so an eviction that lands
 * while a read or a fill is in flight outdates it in each.
 */
export class LayeredCatalogCache extends CatalogCache {
  constructor(
    private readonly front: MemoryCatalogCache,
    private readonly back: CatalogCache,
  ) {
    super();
  }

  async generation(): Promise<string> {
    const front = this.front.generationNow();
    return `${front}/${await this.back.generation()}`;
  }

  async getProduct(sku: string): Promise<CachedProduct | undefined> {
    const hit = this.front.peekProduct(sku);
    if (hit) return hit;
    const generation = this.front.generationNow();
    const product = await this.back.getProduct(sku);
    if (product) this.front.keepProduct(product, generation);
    return product;
  }

  async getList(): Promise<CachedProduct[] | undefined> {
    const hit = this.front.peekList();
    if (hit) return hit;
    const generation = this.front.generationNow();
    const list = await this.back.getList();
    if (list) this.front.keepList(list, generation);
    return list;
  }

  async putProduct(product: CachedProduct, generation: string): Promise<void> {
    const [front, back] = split(generation);
    this.front.keepProduct(product, front);
    await this.back.putProduct(product, back);
  }

  async putList(products: CachedProduct[], generation: string): Promise<void> {
    const [front, back] = split(generation);
    this.front.keepList(products, front);
    await this.back.putList(products, back);
  }

  async evict(sku: string): Promise<void> {
    this.front.drop(sku);
    await this.back.evict(sku);
  }

  flushLocal(): void {
    this.front.flushLocal();
    this.back.flushLocal();
  }

  override open(): Promise<void> {
    return this.back.open();
  }

  override close(): Promise<void> {
    return this.back.close();
  }
}

function split(generation: string): [string, string] {
  const at = generation.indexOf('/');
  return [generation.slice(0, at), generation.slice(at + 1)];
}
