import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config';
import { featurePersistence, storeAdapters } from '../messaging';
import { ConsoleOrderRegistration } from './api/console-order.registration';
import { OrderTimelineController } from './api/order-timeline.controller';
import { OrdersEventsController } from './api/orders-events.controller';
import { OrdersController } from './api/orders.controller';
import { CancelOrderUseCase } from './application/cancel-order.use-case';
import { CatalogPricingService } from './application/catalog-pricing.service';
import { CatalogReadModel } from './application/catalog-read-model';
import { CatalogSnapshotService } from './application/catalog-snapshot.service';
import { CatalogSync } from './application/catalog-sync.service';
import { orderEvents, orderPublications } from './application/order-events';
import { OrderProcessService } from './application/order-process.service';
import { OrderQueries } from './application/order.queries';
import { OrderRepository } from './application/order.repository';
import { PaymentTimeoutPoller } from './application/payment-timeout.poller';
import { PlaceOrderUseCase } from './application/place-order.use-case';
import { RequestLog } from './application/request-log';
import { InMemoryCatalogReadModel } from './infrastructure/in-memory-catalog.read-model';
import { InMemoryOrderRepository } from './infrastructure/in-memory-order.repository';
import { InMemoryRequestLog } from './infrastructure/in-memory-request-log';
import { MongoCatalogReadModel } from './infrastructure/mongo-catalog.read-model';
import { MongoOrderRepository } from './infrastructure/mongo-order.repository';
import { MongoRequestLog } from './infrastructure/mongo-request-log';

@Module({})
export class OrdersModule {
  static forRoot(config: AppConfig): DynamicModule {
    const persistence = featurePersistence('orders', config, {
      events: orderEvents,
      publishes: orderPublications,
      stores: [
        storeAdapters(
          OrderRepository,
          () => new InMemoryOrderRepository(),
          (c) => new MongoOrderRepository(c),
        ),
        storeAdapters(
          RequestLog,
          () => new InMemoryRequestLog(),
          (c) => new MongoRequestLog(c),
        ),
        storeAdapters(
          CatalogReadModel,
          () => new InMemoryCatalogReadModel(),
          (c) => new MongoCatalogReadModel(c),
        ),
      ],
    });
    return {
      module: OrdersModule,
      imports: persistence.imports,
      controllers: [OrdersController, OrdersEventsController, OrderTimelineController],
      providers: [
        ...persistence.providers,
        CatalogSync,
        CatalogPricingService,
        CatalogSnapshotService,
        PlaceOrderUseCase,
        CancelOrderUseCase,
        OrderProcessService,
        PaymentTimeoutPoller,
        OrderQueries,
        ConsoleOrderRegistration,
      ],
    };
  }
}
