import { inMemoryUnitOfWork } from '../../test/contract/support/unit-of-work-harness';
import { AppConfig } from '../common/config/app-config';
import { CatalogWriteFence } from './application/catalog-write.fence';
import { CatalogQueries } from './application/catalog.queries';
import { CatalogSeeder } from './application/catalog.seeder';
import { CatalogUseCases } from './application/catalog.use-cases';
import { inventoryEvents } from './application/inventory-events';
import { StockUseCases } from './application/stock.use-cases';
import { Product, ProductProps } from './domain/product.entity';
import { InMemoryProductRepository } from './infrastructure/in-memory-product.repository';
import { InMemoryReservationRepository } from './infrastructure/in-memory-reservation.repository';
import { MemoryCatalogCache } from './infrastructure/memory-catalog.cache';

export type StoredProduct = Omit<ProductProps, 'version'>;

/** A product to store with `given`, for tests that need one and no particular one. */
export const MUG: StoredProduct = {
  sku: 'SKU-MUG',
  name: 'Mug',
  price: 1000,
  currency: 'EUR',
  available: 5,
  reserved: 0,
};

/**
 * Inventory's use cases over the in-memory unit of work and repositories, as the module wires
 * them; the catalog cache and the write fence run on `clock.now` (ms), which tests move.
 */
export function inventoryHarness(config: Partial<AppConfig> = {}) {
  const { uow, outbox } = inMemoryUnitOfWork(inventoryEvents);
  const products = new InMemoryProductRepository();
  const reservations = new InMemoryReservationRepository();
  const appConfig = Object.assign(new AppConfig(), config);
  const clock = { now: 0 };
  const fence = new CatalogWriteFence(appConfig.catalogCacheTtlMs, () => clock.now);
  const cache = new MemoryCatalogCache(appConfig.catalogCacheTtlMs, () => clock.now);
  return {
    uow,
    products,
    reservations,
    clock,
    cache,
    stock: new StockUseCases(uow, products, reservations),
    catalog: new CatalogUseCases(uow, products, appConfig, fence),
    queries: new CatalogQueries(cache, fence, products),
    seeder: new CatalogSeeder(uow, products, appConfig),

    /** Stores the products as they are, at version 1, announcing nothing. */
    given: (...rows: StoredProduct[]) =>
      uow.run(async (tx) => {
        for (const r of rows) await products.add(Product.restore({ ...r, version: 1 }), tx);
      }),

    /** The products as stored, without their versions, sorted by SKU. */
    stored: async (): Promise<StoredProduct[]> =>
      (await products.list()).map((p) => withoutVersion(p)),

    /** What was published since the last call: type and payload of each envelope. */
    published: async () => {
      const claimed = await outbox.claim(1_000);
      await outbox.markSent(claimed);
      return claimed.map((m) => {
        const { type, payload } = JSON.parse(m.body) as { type: string; payload: unknown };
        return { type, payload };
      });
    },
  };
}

export function withoutVersion(p: Product): StoredProduct {
  const { version: _version, ...rest } = p.snapshot();
  return rest;
}
