import { DynamicModule, Module, Type } from '@nestjs/common';
import { BillingModule } from './billing/billing.module';
import { AppConfig, FeatureModuleName } from './common/config/app-config';
import { ConfigModule } from './common/config/config.module';
import { HealthModule } from './common/health/health.module';
import { RateLimitModule } from './common/http/rate-limit.module';
import { LoggingModule } from './common/logging/logging.module';
import { MetricsModule } from './common/metrics/metrics.module';
import { Tracing } from './common/tracing/tracing';
import { TracingModule } from './common/tracing/tracing.module';
import { InventoryModule } from './inventory/inventory.module';
import { MessagingModule } from './messaging/messaging.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';

const FEATURES: Record<FeatureModuleName, { forRoot(config: AppConfig): DynamicModule } & Type> = {
  orders: OrdersModule,
  inventory: InventoryModule,
  billing: BillingModule,
  notifications: NotificationsModule,
};

/** The backbone always loads; feature modules load as APP_MODULES says. */
@Module({})
export class AppModule {
  /** `tracing`: the provider bootstrap started, shut down with the app. */
  static forRoot(
    config: AppConfig,
    tracing?: Tracing,
    options: { pinoLogging?: boolean } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Unless the caller (a test) brought its own logger: see startApp.
        ...(options.pinoLogging ? [LoggingModule.forRoot(config)] : []),
        MessagingModule.forRoot(config),
        HealthModule,
        MetricsModule,
        RateLimitModule.forRoot(config),
        ...config.appModules.map((name) => FEATURES[name].forRoot(config)),
        ...(tracing ? [TracingModule.forRoot(tracing)] : []),
      ],
    };
  }
}
