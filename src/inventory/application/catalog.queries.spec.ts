import { ProductNotFoundError } from '../domain/product-not-found.error';
import { inventoryHarness, MUG as mug } from '../inventory.fixtures';
const TTL = 10_000;

describe('CatalogQueries', () => {
  let h: ReturnType<typeof inventoryHarness>;

  beforeEach(async () => {
    h = inventoryHarness({ catalogCacheTtlMs: TTL });
    await h.given(mug);
  });

  /** Changes the stored product behind the cache's back, as another instance's write would. */
  const changeElsewhere = (price: number) =>
    h.uow.run(async (tx) => {
      const [p] = await h.products.getMany([mug.sku]);
      p.revise({ price });
      await h.products.save(p, tx);
    });

  it('serves a product from the cache once read, until an eviction', async () => {
    expect((await h.queries.product('SKU-MUG')).price).toBe(1000);
    await changeElsewhere(1500);
    expect((await h.queries.product('SKU-MUG')).price).toBe(1000);
    await h.queries.evict('SKU-MUG');
    expect((await h.queries.product('SKU-MUG')).price).toBe(1500);
  });

  it('reads the store again once the entry has expired', async () => {
    await h.queries.product('SKU-MUG');
    await changeElsewhere(1500);
    h.clock.now += TTL - 1;
    expect((await h.queries.product('SKU-MUG')).price).toBe(1000);
    h.clock.now += 1;
    expect((await h.queries.product('SKU-MUG')).price).toBe(1500);
  });

  it('never serves the writing instance an entry older than its acknowledged write', async () => {
    await h.queries.product('SKU-MUG');
    await h.queries.list();
    await h.catalog.save('SKU-MUG', { price: 2000 });
    // No eviction has happened yet: the event is still on its way.
    expect((await h.queries.product('SKU-MUG')).price).toBe(2000);
    expect((await h.queries.list()).map((p) => p.price)).toEqual([2000]);
  });

  it('lists a product created here at once, though a cached list predates it', async () => {
    await h.queries.list();
    await h.catalog.save('SKU-NEW', { name: 'New', price: 10, stock: 1 });
    expect((await h.queries.list()).map((p) => p.sku)).toEqual(['SKU-MUG', 'SKU-NEW']);
  });

  it('drops a fill that an eviction overtook', async () => {
    // A read that loaded the old state from the store, then lost the race to an eviction.
    const generation = await h.cache.generation();
    const [stale] = await h.products.getMany(['SKU-MUG']);
    await changeElsewhere(1500);
    await h.queries.evict('SKU-MUG');
    await h.cache.putProduct(stale.snapshot(), generation);
    await h.cache.putList([stale.snapshot()], generation);
    expect((await h.queries.product('SKU-MUG')).price).toBe(1500);
    expect((await h.queries.list())[0].price).toBe(1500);
  });

  it('lists the catalog from the cache until a product of it is evicted', async () => {
    await h.queries.list();
    await changeElsewhere(1500);
    expect((await h.queries.list())[0].price).toBe(1000);
    await h.queries.evict('SKU-OTHER');
    expect((await h.queries.list())[0].price).toBe(1500);
  });

  it('forgets its entries on a resync, as after a reconnect', async () => {
    await h.queries.product('SKU-MUG');
    await changeElsewhere(1500);
    h.queries.resync();
    expect((await h.queries.product('SKU-MUG')).price).toBe(1500);
  });

  it('refuses an unknown SKU and caches nothing for it', async () => {
    await expect(h.queries.product('SKU-NONE')).rejects.toThrow(ProductNotFoundError);
    expect(await h.cache.getProduct('SKU-NONE')).toBeUndefined();
  });
});
