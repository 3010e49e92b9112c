import { AppConfig } from '../../common/config/app-config';
import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { DEMO_CATALOG } from '../domain/demo-catalog';
import { InMemoryInventoryRepository } from '../infrastructure/in-memory-inventory.repository';
import { CatalogSeeder } from './catalog.seeder';

describe('CatalogSeeder', () => {
  let outbox: InMemoryOutboxStore;
  let repo: InMemoryInventoryRepository;

  beforeEach(() => {
    outbox = new InMemoryOutboxStore();
    repo = new InMemoryInventoryRepository(outbox);
  });

  const seeder = (changes: Partial<AppConfig>) =>
    new CatalogSeeder(repo, Object.assign(new AppConfig(), changes));

  const published = async () =>
    (await outbox.claim(1000)).map((m) => JSON.parse(m.body) as { type: string; payload: object });

  it('seeds the demo catalog priced in the shop currency and announces each product', async () => {
    await seeder({ seedDemoCatalog: true, shopCurrency: 'GBP' }).onApplicationBootstrap();

    const expected = DEMO_CATALOG.map((p) => ({ ...p, currency: 'GBP' }));
    expect(await repo.listProducts()).toEqual(
      [...expected].sort((a, b) => a.sku.localeCompare(b.sku)),
    );
    expect(DEMO_CATALOG.every((p) => p.currency === 'EUR')).toBe(true);
    const events = await published();
    expect(events.map((e) => e.type)).toEqual(expected.map(() => 'inventory.product-updated'));
    expect(events.map((e) => e.payload)).toEqual(
      expected.map(({ sku, name, price, available }) => ({
        sku,
        name,
        price,
        currency: 'GBP',
        available,
      })),
    );
  });

  it('leaves existing products alone and announces only the ones it inserts', async () => {
    const [first, ...rest] = DEMO_CATALOG;
    const existing = { ...first, name: 'Kept', available: 1, currency: 'GBP' };
    await repo.seed([existing], () => []);

    await seeder({ seedDemoCatalog: true, shopCurrency: 'GBP' }).onApplicationBootstrap();

    expect(await repo.getProducts([first.sku])).toEqual([existing]);
    expect((await published()).map((e) => (e.payload as { sku: string }).sku)).toEqual(
      rest.map((p) => p.sku),
    );
  });

  it('seeds nothing when seeding is turned off', async () => {
    await seeder({ seedDemoCatalog: false }).onApplicationBootstrap();
    expect(await repo.listProducts()).toEqual([]);
    expect(await published()).toEqual([]);
  });
});
