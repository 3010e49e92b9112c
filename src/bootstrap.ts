import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AppConfig } from './common/config/app-config';
import { AppLogger } from './common/correlation/app.logger';
import { configureHttpEdge } from './common/http/http-edge';
import { RabbitEventServer } from './messaging/consumer/rabbit-event.server';
import { holdInstanceLock } from './messaging/instance-lock/hold-instance-lock';

/** Builds and starts the app (HTTP + message consumers); shared by main.ts and the e2e tests. */
export async function startApp(
  config: AppConfig,
  logger = new AppLogger(),
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bufferLogs: true,
    bodyParser: false, // configureHttpEdge registers the one, bounded, JSON parser
  });
  configureHttpEdge(app, config);
  await holdInstanceLock(app, BROKER_WAIT_MS);
  app.connectMicroservice({ strategy: app.get(RabbitEventServer) }, { inheritAppConfig: false });
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  const log = new Logger('Bootstrap');
  await waitForBroker(app.get(RabbitEventServer), log);
  await app.listen(config.port, '0.0.0.0');
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
