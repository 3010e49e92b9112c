import { INestApplication, Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { once } from 'node:events';
import { RabbitEventServer } from '../consumer/rabbit-event.server';
import { InstanceLockKeeper } from './instance-lock.keeper';
import { InstanceLockRefusedError } from './instance-lock-refused.error';

/**
 * Called by startApp before any consumer starts and before the app initialises (seeding, outbox
 * relay): a second instance of an in-memory module must not take a single message, nor publish.
 *
 * Broker down at startup: startup never blocks on the broker (the outbox keeps events until it is
 * back), and holding it here would also hold /health and the HTTP API of every module. So this
 * waits only until the lock is decided, a connection attempt fails, or `waitMs` passes; then the
 * app serves and the lock is taken on connect. A refusal then, or one that lasts past the grace
 * period after a reconnect, stops the app with exit code 1: its twin is serving.
 */
export async function holdInstanceLock(app: INestApplication, waitMs: number): Promise<void> {
  const log = new Logger('InstanceLock');
  const keeper = app.get(InstanceLockKeeper);
  let outcome;
  try {
    outcome = await keeper.start(waitMs, (error) => void stopApp(app, log, error));
  } catch (error) {
    // The connection is open already; an app left unclosed would keep the process alive.
    await app.close();
    throw error;
  }
  const modules = keeper.modules.join(', ');
  if (outcome === 'held') log.log(`Instance lock held for ${modules} (in-memory storage)`);
  if (outcome !== 'undecided') return;
  const why = keeper.accessRefused
    ? 'RabbitMQ refuses this user the instance lock'
    : 'RabbitMQ not reachable';
  log.warn(
    `${why}: cannot yet check that no other instance of ${modules} runs; ` +
      `checking on connect, and stopping then if one does`,
  );
}

async function stopApp(
  app: INestApplication,
  log: Logger,
  error: InstanceLockRefusedError,
): Promise<void> {
  log.error(`${error.message}\nStopping.`);
  process.exitCode = 1;
  // No more messages from now on, whatever stage startup is at.
  await app.get(RabbitEventServer).drain();
  // Closing while startup still runs would race it; if the app has not initialised yet, its
  // initialisation fails on the refusal instead (InstanceLockKeeper.onModuleInit).
  const server = app.getHttpServer() as Server;
  if (!server.listening) await once(server, 'listening');
  await app.close().catch((e: Error) => log.error(`Shutdown failed: ${e.message}`));
}
