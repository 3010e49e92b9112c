import Redis from 'ioredis';
import http from 'node:http';
import { percentiles } from '../lib/stats';
import { Host, putProduct, SKU, startHost, stopHost, usageOf } from './app-cluster';
import { runFor } from './closed-loop';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface CatalogCacheSection {
  /** Closed loop: `clients` keep-alive GETs of one product against one instance. */
  cached_reads_per_s: number;
  clients: number;
  seconds: number;
  read_errors: number;
  read_p99_ms: number | null;
  app_cores: number;
  loadgen_cores: number;
  /** PUT of a new price on instance A → instance B serves it (from the PUT's response). */
  eviction_changes: number;
  eviction_ms_p50: number | null;
  eviction_ms_p99: number | null;
  eviction_ms_max: number | null;
  note: string;
}

const get = (url: string): Promise<{ status: number; price?: number }> =>
  fetch(url).then(async (r) => ({
    status: r.status,
    price: r.ok ? ((await r.json()) as { price: number }).price : undefined,
  }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` every `everyMs` until its price is `price`; ms taken, or throws after `maxMs`. */
async function until(url: string, price: number, everyMs: number, maxMs: number): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if ((await get(url)).price === price) return performance.now() - t0;
    if (performance.now() - t0 > maxMs) throw new Error(`${url} never showed price ${price}`);
    await sleep(everyMs);
  }
}

/** Fills the shared cache from A's store, then B's in-process layer from it: B serves `price`. */
async function prime(a: string, b: string, price: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    await get(a);
    if ((await get(b)).price === price) return;
    // An eviction still on its way dropped the fill (fills lose to evictions): again.
    await sleep(20);
  }
  throw new Error(`instance B never served the cached price ${price}`);
}

/**
 * Instance B must hold the old price in its cache and the new one in its store, so that the new
 * price showing on B means its entry was evicted (storage is in-memory per process here: each
 * instance has its own products). Per change: B serves A's cached entry; B's store gets the new
 * price (B keeps serving the cached old one until its own event evicts it); A refills the shared
 * cache with the old price and B copies it into its in-process layer. Then the timed PUT on A:
 * its product-updated event makes B evict, and B's next read misses and finds the new price.
 * A's versions are kept ahead of B's, so B's read-your-writes fence never rejects A's entry.
 */
async function eviction(a: string, b: string, changes: number): Promise<number[]> {
  const [pa, pb] = [`${a}/inventory/products/${SKU}`, `${b}/inventory/products/${SKU}`];
  await putProduct(b, 1000, 1000);
  for (const p of [1000, 1001, 1000]) await putProduct(a, p, 1000); // versions: A 3, B 1
  await sleep(200);
  const samples: number[] = [];
  for (let i = 0; i < changes; i++) {
    const [oldPrice, newPrice] = [1000 + i, 1001 + i];
    await prime(pa, pb, oldPrice);
    await putProduct(b, newPrice);
    await until(pb, newPrice, 2, 10_000); // B's own event has evicted there
    await sleep(20); // and at A, give or take a few ms
    await prime(pa, pb, oldPrice);
    await putProduct(a, newPrice);
    samples.push(await until(pb, newPrice, 2, 10_000));
  }
  return samples;
}

/** Two processes that both run inventory, sharing Redis, a broker prefix and the bench product. */
export async function catalogCache(
  log: (s: string) => void,
  options: { clients?: number; seconds?: number; changes?: number } = {},
): Promise<CatalogCacheSection> {
  const { clients = 64, seconds = 5, changes = 30 } = options;
  const host: Host = await startHost({
    shape: { processes: 2, modules: [['inventory'], ['inventory']], smtp: 'separate process' },
    logs: false,
    redisUrl: REDIS_URL,
    product: false,
    twinInventory: true,
  });
  try {
    const [a, b] = host.procs.map((p) => p.url);
    log(`catalog cache: eviction, ${changes} price changes on instance A, read on instance B`);
    const samples = await eviction(a, b, changes);
    const [e50, e99, emax] = percentiles(samples, [50, 99, 100]);
    log(`  p50 ${e50} ms, p99 ${e99} ms, max ${emax} ms`);
    log(`catalog cache: ${clients} clients reading one product on instance A for ${seconds} s`);
    const before = await usageOf(host);
    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    const reads = await runFor(`${a}/inventory/products/${SKU}`, clients, seconds * 1000, agent);
    const after = await usageOf(host);
    agent.destroy();
    const cpu = (i: number) =>
      (after[i].cpu_user_us +
        after[i].cpu_system_us -
        before[i].cpu_user_us -
        before[i].cpu_system_us) /
      1000 /
      reads.wallMs;
    const section: CatalogCacheSection = {
      cached_reads_per_s: Math.round(reads.ok / (reads.wallMs / 1000)),
      clients,
      seconds,
      read_errors: reads.errors,
      read_p99_ms: reads.p99Ms,
      app_cores: Math.round(cpu(0) * 100) / 100,
      loadgen_cores: reads.loadgenCores,
      eviction_changes: changes,
      eviction_ms_p50: e50,
      eviction_ms_p99: e99,
      eviction_ms_max: emax,
      note:
        'two processes running inventory with REDIS_URL (in-memory stores, the instance lock ' +
        'lifted for the second by the bench: see catalog-cache-phase.ts); eviction timed from the ' +
        'PUT response on A to B serving the new price, polled every 2 ms; reads are closed-loop ' +
        'keep-alive GETs from this process, which may itself be the limit (loadgen_cores)',
    };
    log(
      `  ${section.cached_reads_per_s} reads/s (p99 ${reads.p99Ms} ms, ${reads.errors} errors); ` +
        `cores: app ${section.app_cores}, load generator ${section.loadgen_cores}`,
    );
    return section;
  } finally {
    await stopHost(host);
    await forgetKeys(host.prefix);
  }
}

/** The cache keys are named under the run's prefix: leave the shared Redis as it was found. */
async function forgetKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  } catch {
    // Nothing to clean, or no Redis: the phase has already said so.
  } finally {
    redis.disconnect();
  }
}

export const describeCache = (c: CatalogCacheSection): string =>
  `Catalog cache (Redis + in-process layer): ${c.cached_reads_per_s} cached reads/s with ${c.clients} clients ` +
  `(app ${c.app_cores} cores, load generator ${c.loadgen_cores}); eviction on another instance ` +
  `p50 ${c.eviction_ms_p50} ms, p99 ${c.eviction_ms_p99} ms, max ${c.eviction_ms_max} ms (${c.eviction_changes} changes)`;
