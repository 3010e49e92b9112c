import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config';
import { featurePersistence, storeAdapters } from '../messaging';
import { CatalogCacheEventsController } from './api/catalog-cache-events.controller';
import { CatalogRequestsController } from './api/catalog-requests.controller';
import { InventoryCommandsController } from './api/inventory-commands.controller';
import { InventoryController } from './api/inventory.controller';
import { CatalogCacheResync } from './application/catalog-cache.resync';
import { CatalogQueries } from './application/catalog.queries';
import { CatalogSeeder } from './application/catalog.seeder';
import { CatalogUseCases } from './application/catalog.use-cases';
import { inventoryEvents, inventoryPublications } from './application/inventory-events';
import { ProductRepository } from './application/product.repository';
import { ReservationRepository } from './application/reservation.repository';
import { StockUseCases } from './application/stock.use-cases';
import { catalogCacheProviders } from './infrastructure/catalog-cache.providers';
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
      controllers: [
        InventoryController,
        InventoryCommandsController,
        CatalogRequestsController,
        CatalogCacheEventsController,
      ],
      providers: [
        ...persistence.providers,
        ...catalogCacheProviders,
        StockUseCases,
        CatalogUseCases,
        CatalogQueries,
        CatalogCacheResync,
        CatalogSeeder,
      ],
    };
  }
}
