import { DynamicModule, Global, Module } from '@nestjs/common';
import { Tracing } from './tracing';

/**
 * Hands the tracer provider bootstrap started to the app, so app.close() shuts it down (flushing
 * what is buffered) and releases the process's tracing globals.
 */
@Global()
@Module({})
export class TracingModule {
  static forRoot(tracing: Tracing): DynamicModule {
    return {
      module: TracingModule,
      providers: [{ provide: Tracing, useValue: tracing }],
      exports: [Tracing],
    };
  }
}
