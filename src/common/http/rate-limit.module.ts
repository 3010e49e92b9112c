import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';

/**
 * The request budget behind @RateLimited(): ORDER_RATE_LIMIT requests per ORDER_RATE_WINDOW_MS
 * per client IP, counted in this process. Behind a proxy every client shares the proxy's IP.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { ttl: config.orderRateWindowMs, limit: Math.max(1, config.orderRateLimit) },
          ],
          skipIf: () => config.orderRateLimit === 0,
          errorMessage: `Too many requests: at most ${config.orderRateLimit} per ${config.orderRateWindowMs} ms; see Retry-After`,
        }),
      ],
    };
  }
}
