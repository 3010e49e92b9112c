import { INestApplication, LogLevel } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { StartOptions, startApp } from '../../src/bootstrap';
import { AppConfig } from '../../src/common/config/app-config';
import { AppLogger } from '../../src/common/correlation/app.logger';
import { loadAppConfig } from '../../src/common/config/load-app-config';
import { TopologyDeclarer } from '../../src/messaging/topology/topology.declarer';
import { AMQP_URL, deleteTopology } from './broker';

export const ADMIN_KEY = 'test-admin-key-123';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  admin: string;
  /** Shuts the app down but leaves its topology, to inspect what it left behind. */
  stop: () => Promise<void>;
  /** Stops the app (if still running) and deletes its topology. */
  close: () => Promise<void>;
}

/**
 * Boots the real app against the real broker, under a name prefix of its own so parallel runs
 * and a running dev app never see each other's messages. close() removes that topology.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { logger?: AppLogger; tracing?: StartOptions['tracing'] } = {},
): Promise<TestApp> {
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const config = loadAppConfig({
    NODE_ENV: 'test',
    PORT: '0',
    AMQP_URL,
    AMQP_NAME_PREFIX: prefix,
    ADMIN_API_KEY: ADMIN_KEY,
    MAIL_CATCHER_PORT: '0',
    RETRY_DELAYS_MS: '100,200,400',
    // Suites place orders in bursts; the one that tests the limit turns it back on.
    ORDER_RATE_LIMIT: '0',
    ...env,
  });
  const levels: LogLevel[] = process.env.TEST_LOGS ? ['log', 'warn', 'error'] : ['error'];
  const logger = options.logger ?? new AppLogger('orderflow', { logLevels: levels });
  const app = await startApp(config, logger, { tracing: options.tracing });
  const server = app.getHttpServer();
  const declarer = app.get(TopologyDeclarer);
  let stopped: Promise<void> | undefined;
  return {
    app,
    config,
    http: () => request(server),
    admin: `Bearer ${ADMIN_KEY}`,
    stop: async () => {
      stopped ??= app.close();
      await stopped;
    },
    close: async () => {
      stopped ??= app.close();
      await stopped;
      const { exchanges, queues } = declarer.declared;
      // A private node the test already removed has nothing left to clean.
      await deleteTopology([...queues], [...exchanges], config.amqpUrl).catch((error: Error) => {
        if (config.amqpUrl === AMQP_URL) throw error;
      });
    },
  };
}
