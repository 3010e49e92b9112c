import { CachedProduct } from './catalog.cache';
import { CatalogWriteFence } from './catalog-write.fence';

const at = (sku: string, version: number): CachedProduct => ({
  sku,
  name: sku,
  price: 1,
  currency: 'EUR',
  available: 1,
  reserved: 0,
  version,
});

describe('CatalogWriteFence', () => {
  let now = 0;
  let fence: CatalogWriteFence;

  beforeEach(() => {
    now = 1_000;
    fence = new CatalogWriteFence(500, () => now);
  });

  it('outdates entries older than a write, and only those', () => {
    fence.note('A', 3);
    expect(fence.outdates(at('A', 2))).toBe(true);
    expect(fence.outdates(at('A', 3))).toBe(false);
    expect(fence.outdates(at('A', 4))).toBe(false);
    expect(fence.outdates(at('B', 1))).toBe(false);
  });

  it('holds a write for the cache TTL, then lets go', () => {
    fence.note('A', 3);
    now += 499;
    expect(fence.outdatesList([at('A', 2)])).toBe(true);
    expect(fence.outdates(at('A', 2))).toBe(true);
    now += 1;
    // The list first: a product lookup would forget the write on its own.
    expect(fence.outdatesList([])).toBe(false);
    expect(fence.outdates(at('A', 2))).toBe(false);
  });

  it('lets go of a write for a product lookup alone too', () => {
    fence.note('A', 3);
    now += 500;
    expect(fence.outdates(at('A', 2))).toBe(false);
  });

  it('outdates a list that lacks a written product or holds it older', () => {
    expect(fence.outdatesList([at('A', 1)])).toBe(false);
    fence.note('B', 1);
    expect(fence.outdatesList([at('A', 1)])).toBe(true);
    expect(fence.outdatesList([at('A', 1), at('B', 1)])).toBe(false);
    fence.note('A', 2);
    expect(fence.outdatesList([at('A', 1), at('B', 1)])).toBe(true);
    expect(fence.outdatesList([at('A', 2), at('B', 5)])).toBe(false);
  });

  it('keeps the latest write of a product', () => {
    fence.note('A', 2);
    fence.note('A', 5);
    expect(fence.outdates(at('A', 4))).toBe(true);
  });
});
