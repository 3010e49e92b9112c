/**
 * Runs the app (the modules APP_MODULES would name, in-memory storage, mail to the bench's SMTP
 * sink) in its own process, exactly as src/main.ts would, and answers the orchestrator over IPC:
 * resource usage, and — only between load steps, never during one — the outcome of a list of
 * orders read straight from the repository (no HTTP polling that would load the app while it is
 * measured). Several of these make one app of several processes (see app-cluster.ts).
 *
 * Child process of bench/run.ts, started with --expose-gc.
 */
import 'reflect-metadata';
import { INestApplication, LogLevel } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { startApp } from '../../src/bootstrap';
import { loadAppConfig } from '../../src/common/config/load-app-config';
import { AppLogger } from '../../src/common/correlation/app.logger';
import * as lockedModules from '../../src/messaging/instance-lock/locked-modules';
import { TopologyDeclarer } from '../../src/messaging/topology/topology.declarer';
import { OrderRepository } from '../../src/orders/application/order.repository';
import { OrderStatus } from '../../src/orders/domain/order-status';
import type { FeatureModuleName } from '../../src/common/config/app-config';
import { AMQP_URL, deleteTopology } from '../lib/broker';
import { serveParent } from '../lib/child';
import { WindowProfiler } from '../lib/profiler';

export const ADMIN_KEY = 'bench-admin-key-0123456789';

export interface HostStarted {
  url: string;
}

export interface HostOptions {
  /** APP_MODULES of this process. */
  modules: FeatureModuleName[];
  /** AMQP_NAME_PREFIX, shared by every process of one app. */
  prefix: string;
  /** Port of the SMTP sink (smtp-sink.ts) on 127.0.0.1. */
  smtpPort: number;
  logs: boolean;
  prefetch?: number;
  otlpEndpoint?: string;
  redisUrl?: string;
  twinInventory?: boolean;
}

export interface HostUsage {
  /** process.cpuUsage(), µs. */
  cpu_user_us: number;
  cpu_system_us: number;
  rss_mb: number;
  heap_used_mb: number;
  /** Peak RSS of the process so far (getrusage), MB. */
  max_rss_mb: number;
}

/** [createdAt ms, CONFIRMED at ms or -1, final status or '', email received ms or -1] per order;
 *  the app host leaves the last at -1: the SMTP sink knows when each email arrived. */
export type Outcome = [number, number, string, number];

const FINAL = new Set<string>([OrderStatus.CONFIRMED, OrderStatus.REJECTED, OrderStatus.CANCELLED]);
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

let app: INestApplication | undefined;
let declarer: TopologyDeclarer | undefined;
const profiler = new WindowProfiler(process.env.BENCH_PROFILE_DIR);

function usage(): HostUsage {
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  return {
    cpu_user_us: cpu.user,
    cpu_system_us: cpu.system,
    rss_mb: mb(mem.rss),
    heap_used_mb: mb(mem.heapUsed),
    max_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits (up to `waitMs`) until every order is final, then returns what each reached; -1 for what
 * it never reached in time.
 */
async function collect(ids: string[], waitMs: number): Promise<Outcome[]> {
  const orders = app!.get(OrderRepository);
  const out = new Map<string, Outcome>();
  const deadline = Date.now() + waitMs;
  // Reading one order by id is cheap, so poll often until all are final.
  let open = ids;
  for (;;) {
    const still: string[] = [];
    for (const id of open) {
      const s = (await orders.findById(id))?.snapshot();
      if (!s || !FINAL.has(s.status)) {
        still.push(id);
        continue;
      }
      const at = s.history.find((h) => h.status === OrderStatus.CONFIRMED)?.at.getTime() ?? -1;
      out.set(id, [s.createdAt.getTime(), at, s.status, -1]);
    }
    open = still;
    if (open.length === 0 || Date.now() >= deadline) break;
    await sleep(100);
  }
  for (const id of open) {
    const s = (await orders.findById(id))?.snapshot();
    const at = s?.history.find((h) => h.status === OrderStatus.CONFIRMED)?.at.getTime() ?? -1;
    out.set(id, [s?.createdAt.getTime() ?? -1, at, '', -1]);
  }
  return ids.map((id) => out.get(id)!);
}

/**
 * The instance lock stops a second process running an in-memory module: it would share the
 * queues but not the data. The catalog cache phase wants exactly two inventory processes with
 * their own stores (it uses the difference to see an eviction), and sends them no orders, so
 * inventory alone is left out of the lock there. Only this bench process, never the app.
 */
function liftInventoryLock(): void {
  const locked = lockedModules as { modulesToLock: typeof lockedModules.modulesToLock };
  const original = locked.modulesToLock;
  locked.modulesToLock = (config) => original(config).filter((m) => m !== 'inventory');
}

let closing: Promise<void> | undefined;
/** Stops consuming and serving; the other processes of the app may still be running. */
function close(): Promise<void> {
  closing ??= (async () => {
    await app?.close();
  })();
  return closing;
}

let stopping: Promise<void> | undefined;
/** Closes the app and removes everything it declared on the broker; runs once. */
function shutdown(): Promise<void> {
  stopping ??= (async () => {
    try {
      await close();
    } finally {
      if (declarer)
        await deleteTopology([...declarer.declared.queues], [...declarer.declared.exchanges]);
    }
  })();
  return stopping;
}

// The orchestrator went away (Ctrl-C, a crash): clean up rather than linger with the app up.
process.on('disconnect', () => {
  void shutdown()
    .catch(() => undefined)
    .finally(() => process.exit(1));
});

serveParent({
  start: async (p: HostOptions): Promise<HostStarted> => {
    if (p.twinInventory) liftInventoryLock();
    const config = loadAppConfig({
      NODE_ENV: 'development',
      PORT: '0',
      AMQP_URL,
      AMQP_NAME_PREFIX: p.prefix,
      APP_MODULES: p.modules.join(','),
      // Pooled like every real mail server the app is given (SMTP_HOST); the embedded catcher
      // and the dev mailbox are off whenever a mail server is configured.
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(p.smtpPort),
      ADMIN_API_KEY: ADMIN_KEY,
      SEED_DEMO_CATALOG: 'false',
      ORDER_RATE_LIMIT: '0', // the load comes from one address on purpose
      ...(p.prefetch ? { CONSUMER_PREFETCH: String(p.prefetch) } : {}),
      // Tracing on exactly as in production: the OTLP/HTTP exporter behind a batch processor.
      ...(p.otlpEndpoint ? { OTEL_EXPORTER_OTLP_ENDPOINT: p.otlpEndpoint } : {}),
      ...(p.redisUrl ? { REDIS_URL: p.redisUrl } : {}),
    });
    // Default logging (every level the app logs, to stdout) or errors only.
    const levels: LogLevel[] = p.logs ? ['log', 'warn', 'error'] : ['error'];
    app = await startApp(config, new AppLogger('orderflow', { logLevels: levels }));
    declarer = app.get(TopologyDeclarer);
    const { port } = app.getHttpServer().address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}` };
  },
  usage: async (): Promise<HostUsage> => usage(),
  gc: async (): Promise<HostUsage> => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    await sleep(50);
    gc?.();
    return usage();
  },
  collect: async (p: { ids: string[]; waitMs: number }): Promise<Outcome[]> =>
    collect(p.ids, p.waitMs),
  profileStart: async () => profiler.start(),
  profileStop: async (p: { name: string }) => profiler.stop(p.name),
  close: async (): Promise<void> => close(),
  stop: async (): Promise<void> => {
    await shutdown();
    setTimeout(() => process.exit(0), 50);
  },
});
