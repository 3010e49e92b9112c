import { DynamicModule, Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { AppConfig } from '../common/config/app-config';
import { connectionTokenFor, mongoConnectionFor } from '../common/persistence/mongo-connection';
import { InMemoryOutboxStore } from '../messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../messaging/outbox/mongo-outbox.store';
import { outboxProvider } from '../messaging/outbox/outbox.providers';
import { OutboxStore } from '../messaging/outbox/outbox.store';
import { BillingEventsController } from './api/billing-events.controller';
import { BillingController } from './api/billing.controller';
import { BillingRepository } from './application/billing.repository';
import { PaymentGateway } from './application/payment-gateway';
import { PaymentUseCases } from './application/payment.use-cases';
import { InMemoryBillingRepository } from './infrastructure/in-memory-billing.repository';
import { MongoBillingRepository } from './infrastructure/mongo-billing.repository';
import { SimulatedPaymentGateway } from './infrastructure/simulated-payment.gateway';

const OWNER = 'billing';

@Module({})
export class BillingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const uri = config.mongodbUriFor(OWNER);
    return {
      module: BillingModule,
      imports: uri ? [mongoConnectionFor(OWNER, uri)] : [],
      controllers: [BillingController, BillingEventsController],
      providers: [
        outboxProvider(OWNER, !!uri),
        {
          provide: BillingRepository,
          inject: [OutboxStore, ...(uri ? [connectionTokenFor(OWNER)] : [])],
          useFactory: (outbox: OutboxStore, c?: Connection) =>
            c
              ? new MongoBillingRepository(c, outbox as MongoOutboxStore)
              : new InMemoryBillingRepository(outbox as InMemoryOutboxStore),
        },
        { provide: PaymentGateway, useClass: SimulatedPaymentGateway },
        PaymentUseCases,
      ],
    };
  }
}
