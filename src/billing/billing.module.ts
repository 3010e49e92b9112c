import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config';
import { featurePersistence, storeAdapters } from '../messaging';
import { BillingCommandsController } from './api/billing-commands.controller';
import { BillingController } from './api/billing.controller';
import { billingEvents, billingPublications } from './application/billing-events';
import { PaymentGateway } from './application/payment-gateway';
import { PaymentRepository } from './application/payment.repository';
import { PaymentUseCases } from './application/payment.use-cases';
import { InMemoryPaymentRepository } from './infrastructure/in-memory-payment.repository';
import { MongoPaymentRepository } from './infrastructure/mongo-payment.repository';
import { SimulatedPaymentGateway } from './infrastructure/simulated-payment.gateway';

const OWNER = 'billing';

@Module({})
export class BillingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const persistence = featurePersistence(OWNER, config, {
      events: billingEvents,
      publishes: billingPublications,
      stores: [
        storeAdapters(
          PaymentRepository,
          () => new InMemoryPaymentRepository(),
          (c) => new MongoPaymentRepository(c),
        ),
      ],
    });
    return {
      module: BillingModule,
      imports: persistence.imports,
      controllers: [BillingController, BillingCommandsController],
      providers: [
        ...persistence.providers,
        { provide: PaymentGateway, useClass: SimulatedPaymentGateway },
        PaymentUseCases,
      ],
    };
  }
}
