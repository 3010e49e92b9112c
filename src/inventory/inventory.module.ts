import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config';
import { featurePersistence, storeAdapters } from '../messaging';
import { CatalogRequestsController } from './api/catalog-requests.controller';
import { InventoryCommandsController } from './api/inventory-commands.controller';
import { InventoryController } from './api/inventory.controller';
import { CatalogSeeder } from './application/catalog.seeder';
import { CatalogUseCases } from './application/catalog.use-cases';
import { inventoryEvents, inventoryPublications } from './application/inventory-events';
import { ProductRepository } from './application/product.repository';
import { ReservationRepository } from './application/reservation.repository';
import { StockUseCases } from './application/stock.use-cases';
import { InMemoryProductRepository } from './infrastructure/in-memory-product.repository';
import { InMemoryReservationRepository } from './infrastructure/in-memory-reservation.repository';
import { MongoProductRepository } from './infrastructure/mongo-product.repository';
import { MongoReservationRepository } from './infrastructure/mongo-reservation.repository';

@Module({})
export class InventoryModule {
  static forRoot(config: AppConfig): DynamicModule {
    const persistence = featurePersistence('inventory', config, {
      events: inventoryEvents,
      publishes: inventoryPublications,
      stores: [
        storeAdapters(
          ProductRepository,
          () => new InMemoryProductRepository(),
          (c) => new MongoProductRepository(c),
        ),
        storeAdapters(
          ReservationRepository,
          () => new InMemoryReservationRepository(),
          (c) => new MongoReservationRepository(c),
        ),
      ],
    });
    return {
      module: InventoryModule,
      imports: persistence.imports,
      controllers: [InventoryController, InventoryCommandsController, CatalogRequestsController],
      providers: [...persistence.providers, StockUseCases, CatalogUseCases, CatalogSeeder],
    };
  }
}
