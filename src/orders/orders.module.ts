import { DynamicModule, Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { AppConfig } from '../common/config/app-config';
import { connectionTokenFor, mongoConnectionFor } from '../common/persistence/mongo-connection';
import { InMemoryOutboxStore } from '../messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../messaging/outbox/mongo-outbox.store';
import { outboxProvider } from '../messaging/outbox/outbox.providers';
import { OutboxStore } from '../messaging/outbox/outbox.store';
import { OrdersEventsController } from './api/orders-events.controller';
import { OrdersController } from './api/orders.controller';
import { CancelOrderUseCase } from './application/cancel-order.use-case';
import { CatalogPricingService } from './application/catalog-pricing.service';
import { CatalogReadModel } from './application/catalog-read-model';
import { CatalogSnapshotService } from './application/catalog-snapshot.service';
import { CatalogSync } from './application/catalog-sync.service';
import { OrderLifecycleService } from './application/order-lifecycle.service';
import { OrderQueries } from './application/order.queries';
import { OrderRepository } from './application/order.repository';
import { PlaceOrderUseCase } from './application/place-order.use-case';
import { InMemoryCatalogReadModel } from './infrastructure/in-memory-catalog.read-model';
import { InMemoryOrderRepository } from './infrastructure/in-memory-order.repository';
import { MongoCatalogReadModel } from './infrastructure/mongo-catalog.read-model';
import { MongoOrderRepository } from './infrastructure/mongo-order.repository';

const OWNER = 'orders';

@Module({})
export class OrdersModule {
  static forRoot(config: AppConfig): DynamicModule {
    const uri = config.mongodbUriFor(OWNER);
    const conn = uri ? [connectionTokenFor(OWNER)] : [];
    return {
      module: OrdersModule,
      imports: uri ? [mongoConnectionFor(OWNER, uri)] : [],
      controllers: [OrdersController, OrdersEventsController],
      providers: [
        outboxProvider(OWNER, !!uri),
        {
          provide: OrderRepository,
          inject: [OutboxStore, ...conn],
          useFactory: (outbox: OutboxStore, c?: Connection) =>
            c
              ? new MongoOrderRepository(c, outbox as MongoOutboxStore)
              : new InMemoryOrderRepository(outbox as InMemoryOutboxStore),
        },
        {
          provide: CatalogReadModel,
          inject: conn,
          useFactory: (c?: Connection) =>
            c ? new MongoCatalogReadModel(c) : new InMemoryCatalogReadModel(),
        },
        CatalogSync,
        CatalogPricingService,
        CatalogSnapshotService,
        PlaceOrderUseCase,
        CancelOrderUseCase,
        OrderLifecycleService,
        OrderQueries,
      ],
    };
  }
}
