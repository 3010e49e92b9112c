import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { HttpMetrics } from './http.metrics';
import { MetricsController } from './metrics.controller';

/**
 * One prom-client Registry per app, never the library's global one: tests boot several apps in
 * one process, and each must report only its own. Modules inject `Registry` to add metrics.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        // Node process metrics: CPU, memory, event loop lag, GC, handles.
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    HttpMetrics,
  ],
  exports: [Registry, HttpMetrics],
})
export class MetricsModule {}
