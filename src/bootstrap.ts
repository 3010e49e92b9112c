import { INestApplication, Logger, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './common/config/app-config';
import type { EnvFileLoaded } from './common/config/load-env-file';
import { startupSummary } from './common/config/startup-summary';
import { HealthRegistry } from './common/health/health.registry';
import { configureHttpEdge } from './common/http/http-edge';
import { HTTP_REQUEST_LOG } from './common/logging/logging.module';
import { QuietFrameworkLogger } from './common/logging/quiet-framework.logger';
import { httpServerSpans } from './common/tracing/http-server-span.middleware';
import { Tracing, TracingOptions } from './common/tracing/tracing';
import { RabbitEventServer } from './messaging/consumer/rabbit-event.server';
import { holdInstanceLock } from './messaging/instance-lock/hold-instance-lock';
import { MessageTaps } from './messaging/observability/message-taps';
import { TracingTap } from './messaging/tracing/tracing.tap';

export interface StartOptions {
  tracing?: TracingOptions;
  /** What main.ts read from .env, for the summary. */
  envFile?: EnvFileLoaded;
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
    return await listen(config, logger, tracing, options.envFile);
  } catch (error) {
    await tracing?.shutdown();
    throw error;
  }
}

async function listen(
  config: AppConfig,
  logger: LoggerService | undefined,
  tracing: Tracing | undefined,
  envFile?: EnvFileLoaded,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, tracing, { pinoLogging: !logger }),
    {
      ...(logger ? { logger } : {}),
      bufferLogs: true,
      bodyParser: false, // configureHttpEdge registers the one, bounded, JSON parser
    },
  );
  const out = new QuietFrameworkLogger(logger ?? app.get(PinoNestLogger));
  // Straight to the logger, ahead of the lines buffered while the modules were built, which
  // useLogger then flushes (Nest's own chatter at debug level).
  for (const { text, warn } of startupSummary(config, envFile))
    if (warn) out.warn(text, 'Bootstrap');
    else out.log(text, 'Bootstrap');
  app.useLogger(out);
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
  log.log(`Listening on ${await app.getUrl()}`);
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
