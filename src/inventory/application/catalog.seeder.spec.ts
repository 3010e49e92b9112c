import { Logger } from '@nestjs/common';
import { DEMO_CATALOG } from '../domain/demo-catalog';
import { inventoryHarness } from '../inventory.fixtures';

describe('CatalogSeeder', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const seeded = DEMO_CATALOG.map(({ stock, ...p }) => ({
    ...p,
    currency: 'GBP',
    available: stock,
    reserved: 0,
  }));

  it('seeds the demo catalog priced in the shop currency and announces each product', async () => {
    const h = inventoryHarness({ seedDemoCatalog: true, shopCurrency: 'GBP' });
    await h.seeder.onApplicationBootstrap();

    expect(await h.stored()).toEqual([...seeded].sort((a, b) => (a.sku < b.sku ? -1 : 1)));
    const events = await h.published();
    expect(events.map((e) => e.type)).toEqual(seeded.map(() => 'inventory.product-updated'));
    expect(events.map((e) => e.payload)).toEqual(
      seeded.map(({ sku, name, price, available }) => ({
        sku,
        name,
        price,
        currency: 'GBP',
        available,
      })),
    );
  });

  it('leaves existing products alone and announces only the ones it inserts', async () => {
    const h = inventoryHarness({ seedDemoCatalog: true, shopCurrency: 'GBP' });
    const [first, ...rest] = seeded;
    const existing = { ...first, name: 'Kept', available: 1, reserved: 2 };
    await h.given(existing);

    await h.seeder.onApplicationBootstrap();
    await h.seeder.onApplicationBootstrap();

    expect(await h.stored()).toContainEqual(existing);
    expect(await h.stored()).toHaveLength(seeded.length);
    expect((await h.published()).map((e) => (e.payload as { sku: string }).sku)).toEqual(
      rest.map((p) => p.sku),
    );
  });

  it('skips a product that appears while it seeds', async () => {
    const h = inventoryHarness({ seedDemoCatalog: true, shopCurrency: 'GBP' });
    const [first] = seeded;
    const seeding = h.seeder.onApplicationBootstrap();
    await h.given({ ...first, name: 'Raced in' });
    await seeding;

    expect(await h.stored()).toContainEqual({ ...first, name: 'Raced in' });
    expect(await h.stored()).toHaveLength(seeded.length);
  });

  it('seeds nothing when seeding is turned off', async () => {
    const h = inventoryHarness({ seedDemoCatalog: false });
    await h.seeder.onApplicationBootstrap();
    expect(await h.stored()).toEqual([]);
    expect(await h.published()).toEqual([]);
  });
});
