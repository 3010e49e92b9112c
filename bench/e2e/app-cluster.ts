import type { FeatureModuleName } from '../../src/common/config/app-config';
import { benchPrefix } from '../lib/broker';
import { ChildRpc, forkTs } from '../lib/child';
import type { HostOptions, HostStarted, HostUsage } from './app-host';
import { ADMIN_KEY } from './app-host';
import { request } from './load';

export const SKU = 'BENCH-SKU';

/** How the app is cut into processes on the machine; mail always goes to a sink of its own. */
export interface Shape {
  processes: number;
  modules: FeatureModuleName[][];
  smtp: 'separate process';
}

const ALL: FeatureModuleName[] = ['orders', 'inventory', 'billing', 'notifications'];

/** The shapes the bench knows, by number of app processes. */
export function shapeOf(processes: number): Shape {
  const modules: Record<number, FeatureModuleName[][]> = {
    1: [ALL],
    2: [['orders'], ['inventory', 'billing', 'notifications']],
    3: [['orders'], ['inventory', 'billing'], ['notifications']],
  };
  if (!modules[processes]) throw new Error(`no ${processes}-process shape (1, 2 or 3)`);
  return { processes, modules: modules[processes], smtp: 'separate process' };
}

export const describeShape = (s: Shape): string =>
  s.modules.map((m) => m.join('+')).join(' | ') + ' (+ SMTP sink)';

export interface AppProcess {
  rpc: ChildRpc;
  url: string;
  modules: FeatureModuleName[];
}

/** One app of one or more processes sharing a topology prefix, and its SMTP sink. */
export interface Host {
  shape: Shape;
  procs: AppProcess[];
  /** The process running orders: HTTP load goes there, outcomes come from there. */
  orders: AppProcess;
  /** The process running inventory: the bench's product PUTs go there. */
  inventory: AppProcess;
  /** Base URL of the orders process (the API the load generator talks to). */
  url: string;
  prefix: string;
  sink: ChildRpc;
}

export interface StartOptions {
  shape?: Shape;
  logs: boolean;
  profileDir?: string;
  prefetch?: number;
  showLogs?: boolean;
  /** Turns tracing on, exporting to this OTLP/HTTP endpoint. */
  otlpEndpoint?: string;
  redisUrl?: string;
  /** Create the bench product (default true). */
  product?: boolean;
  /** Let several processes run inventory on in-memory storage (catalog-cache-phase.ts only). */
  twinInventory?: boolean;
}

export async function startHost(o: StartOptions): Promise<Host> {
  const shape = o.shape ?? shapeOf(1);
  const sink = new ChildRpc(forkTs('e2e/smtp-sink.ts'));
  const { port } = await sink.call<{ port: number }>('start');
  const prefix = benchPrefix('e2e');
  const procs = await Promise.all(
    shape.modules.map(async (modules): Promise<AppProcess> => {
      const rpc = new ChildRpc(
        forkTs('e2e/app-host.ts', [], {
          nodeArgs: ['--expose-gc'],
          env: o.profileDir ? { BENCH_PROFILE_DIR: o.profileDir } : {},
          showStdout: o.showLogs,
        }),
      );
      const options: HostOptions = {
        modules,
        prefix,
        smtpPort: port,
        logs: o.logs,
        prefetch: o.prefetch,
        otlpEndpoint: o.otlpEndpoint,
        redisUrl: o.redisUrl,
        twinInventory: o.twinInventory,
      };
      const { url } = await rpc.call<HostStarted>('start', options);
      return { rpc, url, modules };
    }),
  );
  const running = (m: FeatureModuleName) => procs.find((p) => p.modules.includes(m))!;
  const host: Host = {
    shape,
    procs,
    orders: running('orders') ?? procs[0],
    inventory: running('inventory') ?? procs[0],
    url: (running('orders') ?? procs[0]).url,
    prefix,
    sink,
  };
  if (o.product !== false) await putProduct(host.inventory.url, 1999, 100_000_000);
  return host;
}

export async function putProduct(url: string, price: number, stock?: number): Promise<void> {
  const put = await request(
    'PUT',
    `${url}/inventory/products/${SKU}`,
    { name: 'Bench widget', price, ...(stock === undefined ? {} : { stock }) },
    { authorization: `Bearer ${ADMIN_KEY}` },
  );
  if (put.status !== 200) throw new Error(`Cannot PUT the bench product: ${put.status}`);
}

async function stopChild(rpc: ChildRpc): Promise<void> {
  await rpc.call('stop', {}, 60_000).catch(() => undefined);
  await new Promise<void>((resolve) => {
    if (rpc.child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      rpc.child.kill('SIGKILL');
      resolve();
    }, 5000);
    rpc.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function stopHost(host: Host): Promise<void> {
  // Every process stops consuming before any deletes the queues and exchanges they share.
  await Promise.all(host.procs.map((p) => p.rpc.call('close', {}, 60_000).catch(() => undefined)));
  await Promise.all(host.procs.map((p) => stopChild(p.rpc)));
  await stopChild(host.sink);
}

/** Usage of every app process, in `host.procs` order. */
export const usageOf = (host: Host, method: 'usage' | 'gc' = 'usage'): Promise<HostUsage[]> =>
  Promise.all(host.procs.map((p) => p.rpc.call<HostUsage>(method)));

/** Sum of the app processes' usage: CPU and memory added up, peak RSS the largest. */
export function total(us: HostUsage[]): HostUsage {
  const sum = (f: (u: HostUsage) => number) => us.reduce((a, u) => a + f(u), 0);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    cpu_user_us: sum((u) => u.cpu_user_us),
    cpu_system_us: sum((u) => u.cpu_system_us),
    rss_mb: r1(sum((u) => u.rss_mb)),
    heap_used_mb: r1(sum((u) => u.heap_used_mb)),
    max_rss_mb: Math.max(...us.map((u) => u.max_rss_mb)),
  };
}
