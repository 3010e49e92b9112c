import { DynamicModule, Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { AppConfig } from '../common/config/app-config';
import { connectionTokenFor, mongoConnectionFor } from '../common/persistence/mongo-connection';
import { InMemoryOutboxStore } from '../messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../messaging/outbox/mongo-outbox.store';
import { outboxProvider } from '../messaging/outbox/outbox.providers';
import { OutboxStore } from '../messaging/outbox/outbox.store';
import { InventoryEventsController } from './api/inventory-events.controller';
import { InventoryController } from './api/inventory.controller';
import { CatalogSeeder } from './application/catalog.seeder';
import { CatalogUseCases } from './application/catalog.use-cases';
import { InventoryRepository } from './application/inventory.repository';
import { StockUseCases } from './application/stock.use-cases';
import { InMemoryInventoryRepository } from './infrastructure/in-memory-inventory.repository';
import { MongoInventoryRepository } from './infrastructure/mongo-inventory.repository';

const OWNER = 'inventory';

@Module({})
export class InventoryModule {
  static forRoot(config: AppConfig): DynamicModule {
    const uri = config.mongodbUriFor(OWNER);
    return {
      module: InventoryModule,
      imports: uri ? [mongoConnectionFor(OWNER, uri)] : [],
      controllers: [InventoryController, InventoryEventsController],
      providers: [
        outboxProvider(OWNER, !!uri),
        {
          provide: InventoryRepository,
          inject: [OutboxStore, ...(uri ? [connectionTokenFor(OWNER)] : [])],
          useFactory: (outbox: OutboxStore, c?: Connection) =>
            c
              ? new MongoInventoryRepository(c, outbox as MongoOutboxStore)
              : new InMemoryInventoryRepository(outbox as InMemoryOutboxStore),
        },
        StockUseCases,
        CatalogUseCases,
        CatalogSeeder,
      ],
    };
  }
}
