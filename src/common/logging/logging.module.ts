import { DynamicModule, Module } from '@nestjs/common';
import type { RequestHandler } from 'express';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { ObservabilitySettings } from '../config/observability-settings';
import { logDestination, pinoOptions, requestLogOptions } from './pino-options';

/** The Express middleware that writes one line per HTTP request; see requestLogOptions. */
export const HTTP_REQUEST_LOG = Symbol('HTTP_REQUEST_LOG');

/**
 * The process's log: one pino logger, which nestjs-pino makes Nest's logger, so Nest's own
 * lines and every `new Logger(...)` in the modules come out as pino lines (JSON in production).
 * startApp makes it the app's logger unless a test hands in its own. The flow's ids come from
 * the mixin (logFields), not from a per-request child logger: message handlers have no request.
 */
@Module({})
export class LoggingModule {
  static forRoot(settings: ObservabilitySettings): DynamicModule {
    const root = pino(pinoOptions(settings), logDestination(settings));
    const requestLog = pinoHttp({ logger: root, ...requestLogOptions() });
    return {
      module: LoggingModule,
      imports: [
        // No routes: nestjs-pino's own request middleware stays off (see requestLogOptions).
        LoggerModule.forRoot({ pinoHttp: { logger: root }, forRoutes: [] }),
      ],
      providers: [{ provide: HTTP_REQUEST_LOG, useValue: requestLog as RequestHandler }],
      exports: [HTTP_REQUEST_LOG],
    };
  }
}
