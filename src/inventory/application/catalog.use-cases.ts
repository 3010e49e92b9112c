import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { CatalogLookupReply } from '../../messaging/contracts';
import { Product } from '../domain/product';
import { ProductNotFoundError } from '../domain/product-not-found.error';
import { InventoryEvents } from './inventory-events';
import { InventoryRepository, ProductChanges } from './inventory.repository';

@Injectable()
export class CatalogUseCases {
  constructor(
    private readonly inventory: InventoryRepository,
    private readonly config: AppConfig,
  ) {}

  list(): Promise<Product[]> {
    return this.inventory.listProducts();
  }

  /** Answers other modules' lookups; an empty list asks for the whole catalog. */
  async lookup(skus: string[]): Promise<CatalogLookupReply> {
    const products =
      skus.length === 0
        ? await this.inventory.listProducts()
        : await this.inventory.getProducts(skus);
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

  async save(sku: string, changes: ProductChanges): Promise<Product> {
    const { name, price, stock } = changes;
    const create =
      name !== undefined && price !== undefined && stock !== undefined
        ? { sku, name, price, currency: this.config.shopCurrency, available: stock, reserved: 0 }
        : undefined;
    const saved = await this.inventory.saveProduct(sku, changes, create, (p) => [
      InventoryEvents.productUpdated(p),
    ]);
    if (!saved) throw new ProductNotFoundError(sku);
    return saved;
  }
}
