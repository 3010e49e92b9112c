import { spawn } from 'node:child_process';
import { Server as NetServer, Socket, connect, createServer } from 'node:net';
import { join } from 'node:path';
import { TopologyDeclarer } from '../../src/messaging/topology/topology.declarer';
import * as amqp from 'amqplib';
import { AMQP_URL, deleteTopology } from './broker';
import { TestApp, startTestApp } from './test-app';

const ROOT = join(__dirname, '..', '..');

/**
 * Apps sharing one AMQP_NAME_PREFIX, as replicas and split modules share a broker. startTestApp
 * gives each app a prefix of its own (env overrides it here); its close() would delete the
 * topology the others still use, so the apps are only stopped, and the topology goes at the end.
 */
export class AppsUnderOnePrefix {
  private readonly apps: TestApp[] = [];
  private readonly queues = new Set<string>();
  private readonly exchanges = new Set<string>();

  constructor(readonly prefix: string) {}

  async start(env: Record<string, string>): Promise<TestApp> {
    const app = await startTestApp({ ...env, AMQP_NAME_PREFIX: this.prefix });
    this.apps.push(app);
    const { queues, exchanges } = app.app.get(TopologyDeclarer).declared;
    queues.forEach((q) => this.queues.add(q));
    exchanges.forEach((x) => this.exchanges.add(x));
    return app;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.apps.map((a) => a.stop()));
    await deleteTopology([...this.queues], [...this.exchanges]);
  }
}

export interface MainProcess {
  output: () => string;
  /** Resolves with the exit code; the process is SIGKILLed if it runs past the timeout. */
  exited: Promise<number | null>;
}

/** Runs src/main.ts in a process of its own, as `npm start` would. */
export function spawnMain(env: Record<string, string>, timeoutMs: number): MainProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', AMQP_URL, PORT: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    }),
  );
  return { output: () => output, exited };
}

/**
 * A TCP relay to the broker, so one app can find "the broker" down (before listen) or see its
 * connection drop (dropConnections), while the real broker and every other test keep running.
 */
export class BrokerProxy {
  private server?: NetServer;
  private readonly sockets = new Set<Socket>();

  constructor(readonly port: number) {}

  get url(): string {
    const broker = new URL(AMQP_URL);
    broker.host = `127.0.0.1:${this.port}`;
    return broker.toString();
  }

  async listen(): Promise<void> {
    const target = new URL(AMQP_URL);
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port || 5672), target.hostname);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ]) {
        this.sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => (this.sockets.delete(a), b.destroy()));
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  dropConnections(): void {
    this.sockets.forEach((s) => s.destroy());
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(null)));
  }
}

/** Who holds a lock queue, seen from outside without taking it: 405 held, 404 nobody. */
export async function lockState(queue: string): Promise<'held' | 'free'> {
  const conn = await amqp.connect(AMQP_URL);
  try {
    const ch = await conn.createChannel();
    ch.on('error', () => undefined);
    await ch.checkQueue(queue);
    throw new Error(`${queue} exists but is not exclusive`);
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (code === 405) return 'held';
    if (code === 404) return 'free';
    throw error;
  } finally {
    await conn.close().catch(() => undefined);
  }
}
