import { CachedProduct } from './catalog.cache';

/**
 * Read-your-writes for the instance that wrote. Its PUT is acknowledged before the
 * product-updated event has evicted the old entry, so for a while the cache may still hold it;
 * the fence remembers the version each write produced and makes any older entry a miss. The
 * writer deletes no cache key: other instances learn of the change from the event alone.
 */
export class CatalogWriteFence {
  private readonly written = new Map<string, { version: number; until: number }>();

  /** `holdMs`: the cache's TTL; by then every entry filled before the write has expired. */
  constructor(
    private readonly holdMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  note(sku: string, version: number): void {
    this.written.set(sku, { version, until: this.now() + this.holdMs });
  }

  outdates(entry: CachedProduct): boolean {
    return entry.version < (this.live(entry.sku) ?? -Infinity);
  }

  /** A list is outdated if it misses a product written since, or holds an older version of one. */
  outdatesList(entries: CachedProduct[]): boolean {
    this.prune();
    // Stryker disable next-line ConditionalExpression: only spares building the map, same answer
    if (this.written.size === 0) return false;
    const listed = new Map(entries.map((e) => [e.sku, e.version]));
    for (const [sku, w] of this.written) {
      const version = listed.get(sku);
      if (version === undefined || version < w.version) return true;
    }
    return false;
  }

  private live(sku: string): number | undefined {
    const w = this.written.get(sku);
    if (!w) return undefined;
    if (w.until > this.now()) return w.version;
    this.written.delete(sku);
    return undefined;
  }

  private prune(): void {
    const now = this.now();
    for (const [sku, w] of this.written) if (w.until <= now) this.written.delete(sku);
  }
}
