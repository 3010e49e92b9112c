import { ProductNotFoundError } from '../domain/product-not-found.error';
import { StockBelowReservedError } from '../domain/stock-below-reserved.error';
import { inventoryHarness, StoredProduct, withoutVersion } from '../inventory.fixtures';

const product = (sku: string, available: number, reserved = 0): StoredProduct => ({
  sku,
  name: `Name of ${sku}`,
  price: 1000,
  currency: 'CHF',
  available,
  reserved,
});

describe('CatalogUseCases', () => {
  let h: ReturnType<typeof inventoryHarness>;

  beforeEach(async () => {
    h = inventoryHarness({ shopCurrency: 'CHF' });
    await h.given(product('SKU-B', 5, 2), product('SKU-A', 0));
  });

  const save = async (...args: Parameters<typeof h.catalog.save>) =>
    withoutVersion(await h.catalog.save(...args));

  it('lists the whole catalog by SKU', async () => {
    expect((await h.queries.list()).map(({ version: _v, ...rest }) => rest)).toEqual([
      product('SKU-A', 0),
      product('SKU-B', 5, 2),
    ]);
  });

  it('answers an empty lookup with the whole catalog, without reserved counts', async () => {
    expect(await h.catalog.lookup([])).toEqual({
      products: [
        { sku: 'SKU-A', name: 'Name of SKU-A', price: 1000, currency: 'CHF', available: 0 },
        { sku: 'SKU-B', name: 'Name of SKU-B', price: 1000, currency: 'CHF', available: 5 },
      ],
      unknownSkus: [],
    });
  });

  it('answers a lookup with only the SKUs asked for and names the unknown ones', async () => {
    expect(await h.catalog.lookup(['SKU-X', 'SKU-B', 'SKU-Y'])).toEqual({
      products: [
        { sku: 'SKU-B', name: 'Name of SKU-B', price: 1000, currency: 'CHF', available: 5 },
      ],
      unknownSkus: ['SKU-X', 'SKU-Y'],
    });
  });

  it('creates an unknown product given name, price and stock, in the shop currency', async () => {
    const created = {
      sku: 'SKU-NEW',
      name: 'Brand new',
      price: 4200,
      currency: 'CHF',
      available: 12,
      reserved: 0,
    };
    expect(await save('SKU-NEW', { name: 'Brand new', price: 4200, stock: 12 })).toEqual(created);
    expect(await h.stored()).toContainEqual(created);
    expect(await h.published()).toEqual([
      {
        type: 'inventory.product-updated',
        payload: { sku: 'SKU-NEW', name: 'Brand new', price: 4200, currency: 'CHF', available: 12 },
      },
    ]);
  });

  it.each([
    ['name', { price: 4200, stock: 12 }],
    ['price', { name: 'Brand new', stock: 12 }],
    ['stock', { name: 'Brand new', price: 4200 }],
  ])('refuses to create an unknown product without its %s', async (_, changes) => {
    const error = await h.catalog.save('SKU-NEW', changes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProductNotFoundError);
    expect((error as ProductNotFoundError).message).toBe(
      'Product SKU-NEW not found; give name, price and stock to create it',
    );
    expect(await h.products.getMany(['SKU-NEW'])).toEqual([]);
    expect(await h.published()).toEqual([]);
  });

  it('updates only the given fields of a known product and announces the result', async () => {
    expect(await save('SKU-B', { price: 1500, stock: 10 })).toEqual({
      ...product('SKU-B', 8, 2),
      price: 1500,
    });
    expect(await h.stored()).toContainEqual({ ...product('SKU-B', 8, 2), price: 1500 });
    expect(await h.published()).toEqual([
      {
        type: 'inventory.product-updated',
        payload: {
          sku: 'SKU-B',
          name: 'Name of SKU-B',
          price: 1500,
          currency: 'CHF',
          available: 8,
        },
      },
    ]);
  });

  it('updates a known product given every field, keeping its reservations', async () => {
    expect(await save('SKU-B', { name: 'Renamed', price: 1, stock: 2 })).toEqual({
      sku: 'SKU-B',
      name: 'Renamed',
      price: 1,
      currency: 'CHF',
      available: 0,
      reserved: 2,
    });
  });

  it('refuses stock below what is reserved, changing and announcing nothing', async () => {
    await expect(h.catalog.save('SKU-B', { price: 1, stock: 1 })).rejects.toBeInstanceOf(
      StockBelowReservedError,
    );
    expect(await h.stored()).toContainEqual(product('SKU-B', 5, 2));
    expect(await h.published()).toEqual([]);
  });

  it('announces nothing when a save changes nothing', async () => {
    expect(await save('SKU-B', { name: 'Name of SKU-B' })).toEqual(product('SKU-B', 5, 2));
    expect(await h.published()).toEqual([]);
  });

  it('lets two racing creates of one SKU both succeed: the later one is applied as an update', async () => {
    const results = await Promise.all([
      h.catalog.save('SKU-NEW', { name: 'First', price: 100, stock: 1 }),
      h.catalog.save('SKU-NEW', { name: 'Second', price: 200, stock: 2 }),
    ]);

    expect(results.map((p) => p.name)).toEqual(['First', 'Second']);
    const [stored] = await h.products.getMany(['SKU-NEW']);
    expect(withoutVersion(stored)).toMatchObject({ name: 'Second', price: 200, available: 2 });
    expect(stored.version).toBe(2);
    expect((await h.published()).map((e) => e.payload)).toEqual([
      expect.objectContaining({ name: 'First' }),
      expect.objectContaining({ name: 'Second' }),
    ]);
  });
});
