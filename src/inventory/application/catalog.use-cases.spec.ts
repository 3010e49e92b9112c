import { AppConfig } from '../../common/config/app-config';
import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { Product } from '../domain/product';
import { ProductNotFoundError } from '../domain/product-not-found.error';
import { InMemoryInventoryRepository } from '../infrastructure/in-memory-inventory.repository';
import { CatalogUseCases } from './catalog.use-cases';

const product = (sku: string, available: number, reserved = 0): Product => ({
  sku,
  name: `Name of ${sku}`,
  price: 1000,
  currency: 'CHF',
  available,
  reserved,
});

describe('CatalogUseCases', () => {
  let outbox: InMemoryOutboxStore;
  let repo: InMemoryInventoryRepository;
  let catalog: CatalogUseCases;

  beforeEach(async () => {
    outbox = new InMemoryOutboxStore();
    repo = new InMemoryInventoryRepository(outbox);
    const config = Object.assign(new AppConfig(), { shopCurrency: 'CHF' });
    catalog = new CatalogUseCases(repo, config);
    await repo.seed([product('SKU-B', 5, 2), product('SKU-A', 0)], () => []);
  });

  const published = async () =>
    (await outbox.claim(100)).map((m) => {
      const { type, payload } = JSON.parse(m.body) as { type: string; payload: unknown };
      return { type, payload };
    });

  it('lists the whole catalog by SKU', async () => {
    expect(await catalog.list()).toEqual([product('SKU-A', 0), product('SKU-B', 5, 2)]);
  });

  it('answers an empty lookup with the whole catalog, without reserved counts', async () => {
    expect(await catalog.lookup([])).toEqual({
      products: [
        { sku: 'SKU-A', name: 'Name of SKU-A', price: 1000, currency: 'CHF', available: 0 },
        { sku: 'SKU-B', name: 'Name of SKU-B', price: 1000, currency: 'CHF', available: 5 },
      ],
      unknownSkus: [],
    });
  });

  it('answers a lookup with only the SKUs asked for and names the unknown ones', async () => {
    expect(await catalog.lookup(['SKU-X', 'SKU-B', 'SKU-Y'])).toEqual({
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
    expect(await catalog.save('SKU-NEW', { name: 'Brand new', price: 4200, stock: 12 })).toEqual(
      created,
    );
    expect(await repo.getProducts(['SKU-NEW'])).toEqual([created]);
    expect(await published()).toEqual([
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
    const error = await catalog.save('SKU-NEW', changes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProductNotFoundError);
    expect((error as ProductNotFoundError).message).toBe(
      'Product SKU-NEW not found; give name, price and stock to create it',
    );
    expect(await repo.getProducts(['SKU-NEW'])).toEqual([]);
    expect(await published()).toEqual([]);
  });

  it('updates only the given fields of a known product and announces the result', async () => {
    expect(await catalog.save('SKU-B', { price: 1500, stock: 10 })).toEqual({
      ...product('SKU-B', 8, 2),
      price: 1500,
    });
    expect(await published()).toEqual([
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
    expect(await catalog.save('SKU-B', { name: 'Renamed', price: 1, stock: 2 })).toEqual({
      sku: 'SKU-B',
      name: 'Renamed',
      price: 1,
      currency: 'CHF',
      available: 0,
      reserved: 2,
    });
  });
});
