import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { DEMO_CATALOG } from '../domain/demo-catalog';
import { InventoryEvents } from './inventory-events';
import { InventoryRepository } from './inventory.repository';

@Injectable()
export class CatalogSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogSeeder.name);

  constructor(
    private readonly inventory: InventoryRepository,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoCatalog) return;
    const products = DEMO_CATALOG.map((p) => ({ ...p, currency: this.config.shopCurrency }));
    const inserted = await this.inventory.seed(products, (ps) =>
      ps.map(InventoryEvents.productUpdated),
    );
    // Stryker disable next-line all: log statement only; the condition just skips an empty log
    if (inserted.length > 0) this.logger.log(`Seeded ${inserted.length} demo products`);
  }
}
