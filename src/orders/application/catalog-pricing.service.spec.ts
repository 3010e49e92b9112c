import { AppConfig } from '../../common/config/app-config';
import { CatalogLookupReply } from '../../messaging/contracts';
import { RpcClient } from '../../messaging/rpc/rpc.client';
import { CatalogPriceRejectedError } from '../domain/catalog-price-rejected.error';
import { UnknownSkuError } from '../domain/unknown-sku.error';
import { InMemoryCatalogReadModel } from '../infrastructure/in-memory-catalog.read-model';
import { CatalogPricingService } from './catalog-pricing.service';
import { CatalogSync } from './catalog-sync.service';

/** Inventory's catalog lookup, answered from a fixed list; records every request. */
class FakeInventory {
  readonly requests: Array<{ routingKey: string; payload: object }> = [];
  constructor(private readonly products: CatalogLookupReply['products'] = []) {}

  async request<T>(routingKey: string, payload: { skus: string[] }): Promise<T> {
    this.requests.push({ routingKey, payload });
    const products = this.products.filter((p) => payload.skus.includes(p.sku));
    return { products, unknownSkus: [] } as T;
  }
}

const known = new Date('2026-11-23T10:00:00.000Z');
const mug = { sku: 'MUG', name: 'Mug', price: 1250, currency: 'EUR', available: 5 };
const tee = { sku: 'TEE', name: 'Tee', price: 2400, currency: 'EUR', available: 3 };

describe('CatalogPricingService', () => {
  let catalog: InMemoryCatalogReadModel;
  let config: AppConfig;

  beforeEach(async () => {
    catalog = new InMemoryCatalogReadModel();
    config = new AppConfig();
    await catalog.upsert({ ...mug, asOf: known });
  });

  const pricing = (inventory: FakeInventory) =>
    new CatalogPricingService(
      catalog,
      new CatalogSync(catalog, config),
      inventory as unknown as RpcClient,
      config,
    );

  it('prices from the read model alone when it knows every SKU', async () => {
    const inventory = new FakeInventory([tee]);
    const priced = await pricing(inventory).price([
      { sku: 'MUG', quantity: 2 },
      { sku: 'MUG', quantity: 1 },
    ]);
    expect(priced).toEqual({
      items: [{ sku: 'MUG', name: 'Mug', quantity: 3, unitPrice: 1250 }],
      currency: 'EUR',
    });
    expect(inventory.requests).toEqual([]);
  });

  it('asks inventory once for just the missing SKUs, each named once', async () => {
    const inventory = new FakeInventory([tee]);
    const priced = await pricing(inventory).price([
      { sku: 'TEE', quantity: 1 },
      { sku: 'MUG', quantity: 1 },
      { sku: 'TEE', quantity: 2 },
    ]);
    expect(inventory.requests).toEqual([
      { routingKey: 'inventory.catalog.lookup', payload: { skus: ['TEE'] } },
    ]);
    expect(priced.items).toEqual([
      { sku: 'TEE', name: 'Tee', quantity: 3, unitPrice: 2400 },
      { sku: 'MUG', name: 'Mug', quantity: 1, unitPrice: 1250 },
    ]);
  });

  it('keeps what inventory answered in the read model, older than any broadcast update', async () => {
    await pricing(new FakeInventory([tee])).price([{ sku: 'TEE', quantity: 1 }]);
    expect((await catalog.getMany(['TEE'])).get('TEE')).toEqual({ ...tee, asOf: new Date(0) });
    const inventory = new FakeInventory([tee]);
    await pricing(inventory).price([{ sku: 'TEE', quantity: 1 }]);
    expect(inventory.requests).toEqual([]);
  });

  it('refuses SKUs that inventory does not know either', async () => {
    const inventory = new FakeInventory([tee]);
    await expect(
      pricing(inventory).price([
        { sku: 'NOPE', quantity: 1 },
        { sku: 'TEE', quantity: 1 },
      ]),
    ).rejects.toThrow(new UnknownSkuError(['NOPE']));
    expect(inventory.requests[0].payload).toEqual({ skus: ['NOPE', 'TEE'] });
  });

  it('refuses, and does not keep, a looked-up price in another currency', async () => {
    const inventory = new FakeInventory([{ ...tee, currency: 'USD' }]);
    await expect(pricing(inventory).price([{ sku: 'TEE', quantity: 1 }])).rejects.toThrow(
      CatalogPriceRejectedError,
    );
    expect(await catalog.count()).toBe(1);
  });

  it('prices in the configured shop currency', async () => {
    config.shopCurrency = 'USD';
    await catalog.upsert({ ...mug, sku: 'CUP', currency: 'USD', asOf: known });
    const priced = await pricing(new FakeInventory()).price([{ sku: 'CUP', quantity: 1 }]);
    expect(priced.currency).toBe('USD');
    await expect(pricing(new FakeInventory()).price([{ sku: 'MUG', quantity: 1 }])).rejects.toThrow(
      CatalogPriceRejectedError,
    );
  });
});
