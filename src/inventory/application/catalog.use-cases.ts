import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { CatalogLookupReply, UnitOfWork } from '../../messaging';
import { Product, ProductChanges } from '../domain/product.entity';
import { ProductNotFoundError } from '../domain/product-not-found.error';
import { CatalogWriteFence } from './catalog-write.fence';
import { ProductRepository } from './product.repository';

@Injectable()
export class CatalogUseCases {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductRepository,
    private readonly config: AppConfig,
    private readonly fence: CatalogWriteFence,
  ) {}

  /** Answers other modules' lookups; an empty list asks for the whole catalog. */
  async lookup(skus: string[]): Promise<CatalogLookupReply> {
    const products =
      skus.length === 0 ? await this.products.list() : await this.products.getMany(skus);
    const found = new Set(products.map((p) => p.sku));
    return {
      products: products.map((p) => ({
        sku: p.sku,
        name: p.name,
        price: p.price,
        currency: p.currency,
        available: p.available,
      })),
      unknownSkus: skus.filter((s) => !found.has(s)),
    };
  }

  /**
   * Updates the product, or creates it when all of name, price and stock are given. Two PUTs
   * creating the same SKU at once both succeed: the loser's insert conflicts, and the rerun
   * finds the product and applies its fields as an update.
   */
  async save(sku: string, changes: ProductChanges): Promise<Product> {
    const saved = await this.uow.run(async (tx) => {
      const [existing] = await this.products.getMany([sku]);
      if (existing) {
        existing.revise(changes);
        await this.products.save(existing, tx);
        return existing;
      }
      const { name, price, stock } = changes;
      if (name === undefined || price === undefined || stock === undefined)
        throw new ProductNotFoundError(sku);
      const created = Product.create({
        sku,
        name,
        price,
        stock,
        currency: this.config.shopCurrency,
      });
      await this.products.add(created, tx);
      return created;
    });
    // Committed: this instance's own reads must not serve what the cache held before.
    this.fence.note(saved.sku, saved.version);
    return saved;
  }
}
