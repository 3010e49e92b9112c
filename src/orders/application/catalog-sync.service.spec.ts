import { AppConfig } from '../../common/config/app-config';
import { CatalogPriceRejectedError } from '../domain/catalog-price-rejected.error';
import { InMemoryCatalogReadModel } from '../infrastructure/in-memory-catalog.read-model';
import { CatalogEntry } from './catalog-read-model';
import { CatalogSync } from './catalog-sync.service';

const asOf = new Date('2026-11-23T10:00:00.000Z');
const entry = (over: Partial<CatalogEntry> = {}): CatalogEntry => ({
  sku: 'MUG',
  name: 'Mug',
  price: 1250,
  currency: 'EUR',
  available: 7,
  asOf,
  ...over,
});

describe('CatalogSync', () => {
  let catalog: InMemoryCatalogReadModel;
  let config: AppConfig;
  let sync: CatalogSync;

  beforeEach(() => {
    catalog = new InMemoryCatalogReadModel();
    config = new AppConfig();
    sync = new CatalogSync(catalog, config);
  });

  it('stores a price in the shop currency in the read model', async () => {
    await sync.apply(entry());
    expect((await catalog.getMany(['MUG'])).get('MUG')).toEqual(entry());
  });

  it('refuses a price in another currency and stores nothing', async () => {
    await expect(sync.apply(entry({ currency: 'USD' }))).rejects.toThrow(
      'The catalog price of MUG cannot be used: priced in USD, but the shop sells in EUR',
    );
    expect(await catalog.count()).toBe(0);
  });

  it('refuses a price that is not whole cents and stores nothing', async () => {
    await expect(sync.apply(entry({ price: 12.5 }))).rejects.toBeInstanceOf(
      CatalogPriceRejectedError,
    );
    expect(await catalog.count()).toBe(0);
  });

  it('checks against the configured shop currency', async () => {
    config.shopCurrency = 'USD';
    await sync.apply(entry({ currency: 'USD' }));
    await expect(sync.apply(entry({ sku: 'TEE' }))).rejects.toBeInstanceOf(
      CatalogPriceRejectedError,
    );
    expect(await catalog.count()).toBe(1);
  });
});
