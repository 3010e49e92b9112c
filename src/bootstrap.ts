import { INestApplication, Logger, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './common/config/app-config';
import { HealthRegistry } from './common/health/health.registry';
import { configureHttpEdge } from './common/http/http-edge';
import { HTTP_REQUEST_LOG } from './common/logging/logging.module';
import { httpServerSpans } from './common/tracing/http-server-span.middleware';
import { Tracing, TracingOptions } from './common/tracing/tracing';
import { RabbitEventServer } from './messaging/consumer/rabbit-event.server';
import { holdInstanceLock } from './messaging/instance-lock/hold-instance-lock';
import { MessageTaps } from './messaging/observability/message-taps';
import { TracingTap } from './messaging/tracing/tracing.tap';

export interface StartOptions {
  tracing?: TracingOptions;
}

/**
 * Builds and starts the app (HTTP + message consumers); shared by main.ts and the e2e tests.
 * Without a logger it logs through pino (LOG_LEVEL, LOG_FORMAT); tests may hand in their own.
 */
export async function startApp(
  config: AppConfig,
  logger?: LoggerService,
  options: StartOptions = {},
): Promise<INestApplication> {
  // Before anything is handled; without an endpoint (or test processors) nothing is registered.
  const tracing = Tracing.start(config, options.tracing);
  tracing?.onShutdown(MessageTaps.register(new TracingTap()));
  try {
    return await listen(config, logger, tracing);
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }
}

async function listen(
  config: AppConfig,
  logger: LoggerService | undefined,
  tracing: Tracing | undefined,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, tracing, { pinoLogging: !logger }),
    {
      ...(logger ? { logger } : {}),
      bufferLogs: true,
      bodyParser: false, // configureHttpEdge registers the one, bounded, JSON parser
    },
  );
  if (!logger) app.useLogger(app.get(PinoNestLogger));
  // First of all middleware: every later one, and the handler, runs inside the request's span.
  if (tracing) app.use(httpServerSpans());
  configureHttpEdge(app, config, logger ? undefined : app.get(HTTP_REQUEST_LOG));
  const log = new Logger('Bootstrap');
  try {
    await holdInstanceLock(app, BROKER_WAIT_MS);
    app.connectMicroservice({ strategy: app.get(RabbitEventServer) }, { inheritAppConfig: false });
    app.enableShutdownHooks();
    await app.startAllMicroservices();
    // Not ready until startup has run to its end; the hard checks before this throw instead.
    const startup = app.get(HealthRegistry).startup('startup');
    await waitForBroker(app.get(RabbitEventServer), log);
    await app.listen(config.port, '0.0.0.0');
    startup.passed();
  } catch (error) {
    // Closed, so its connection, timers and process-wide message taps go with it.
    await app.close().catch(() => undefined);
    throw error;
  }
  log.log(`Modules loaded: ${config.appModules.join(', ')}`);
  log.log(
    `Storage: ${config.mongodbUri || Object.keys(config.moduleMongodbUris).length ? 'MongoDB' : 'in-memory (set MONGODB_URI for MongoDB)'}`,
  );
  if (!config.adminApiKey)
    log.warn('Admin endpoints are disabled (403): set ADMIN_API_KEY to enable them');
  log.log(
    `Listening on ${await app.getUrl()}` +
      (config.docsServed
        ? '  (Swagger UI at /docs)'
        : '  (docs off: DOCS_ENABLED=true serves them)'),
  );
  return app;
}

const BROKER_WAIT_MS = 10_000;

/** Starts serving once the queues are declared, or after a while without the broker: orders are
 *  still accepted then, and their events wait in the outbox. */
async function waitForBroker(server: RabbitEventServer, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(true), BROKER_WAIT_MS)),
  );
  const late = await Promise.race([server.ready().then(() => false), timedOut]);
  clearTimeout(timer);
  if (late)
    log.warn(
      `RabbitMQ not reachable after ${BROKER_WAIT_MS} ms; serving anyway, events wait in the outbox`,
    );
}
