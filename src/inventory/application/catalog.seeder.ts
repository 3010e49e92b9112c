import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { UnitOfWork } from '../../messaging';
import { DEMO_CATALOG } from '../domain/demo-catalog';
import { Product } from '../domain/product.entity';
import { ProductRepository } from './product.repository';

/** Adds the demo products that are missing; one that exists is left exactly as it is. */
@Injectable()
export class CatalogSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogSeeder.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly products: ProductRepository,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoCatalog) return;
    const currency = this.config.shopCurrency;
    // A product another instance inserts meanwhile makes the commit conflict; the rerun skips it.
    const inserted = await this.uow.run(async (tx) => {
      const existing = await this.products.getMany(DEMO_CATALOG.map((p) => p.sku));
      const known = new Set(existing.map((p) => p.sku));
      const missing = DEMO_CATALOG.filter((p) => !known.has(p.sku));
      for (const p of missing) await this.products.add(Product.create({ ...p, currency }), tx);
      return missing.length;
    });
    // Stryker disable next-line all: log statement only; the condition just skips an empty log
    if (inserted > 0) this.logger.log(`Seeded ${inserted} demo products`);
  }
}
