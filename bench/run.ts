/**
 * `npm run bench`: orderflow's throughput and latency, measured the same way every time, next
 * to the raw-amqplib ceiling of the machine it runs on. Talks only to 127.0.0.1 (the local
 * RabbitMQ and Redis, and the processes it starts). Not part of the tests.
 *
 * The app runs as it would in production on one machine: APP_MODULES splits it into processes
 * (--shape=N, see shapeOf in e2e/app-cluster.ts), and its email goes to an SMTP server in a
 * process of its own (e2e/smtp-sink.ts), never to the embedded catcher. Children start from a
 * compiled copy of the sources (lib/compile.ts), not through ts-node.
 *
 *   npm run bench                       everything (about 5½ minutes on 2 cores; prints the total)
 *   npm run bench -- --only=messaging   or seed, e2e, soak, scaling, catalog, tracing (comma-separated)
 *   npm run bench -- --shape=1          the e2e steps, soak and checks on 1, 2 or 3 app processes
 *   npm run bench -- --profile          also write .cpuprofile files of each measured window
 *   npm run bench -- --steps=50,100 --step-seconds=10 --soak-seconds=60 --messages=20000
 *   npm run bench -- --scaling-steps=250,400 --scaling-seconds=5 --check-seconds=6 --drain-seconds=8
 *   npm run bench -- --prefetch=100     run every orderflow app with CONSUMER_PREFETCH=100
 *   npm run bench -- --only=tracing --tracing-rounds=5   CPU per order, tracing off vs on (default 3)
 *
 * Writes bench/results/latest.json, a timestamped copy beside it, and latency-vs-rate.svg (the
 * chart of the latest run).
 */
import 'reflect-metadata';
import * as amqp from 'amqplib';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from '../src/common/config/load-app-config';
import { describeShape, shapeOf, total, usageOf } from './e2e/app-cluster';
import { catalogCache } from './e2e/catalog-cache-phase';
import { CatalogSection, catalogPropagation } from './e2e/catalog-phase';
import { runMeasuredStep, startHost, StepResult, stopHost, warmUp } from './e2e/e2e-phase';
import { CEILING_PREFETCH, chart, report, TARGET_RATE, targets } from './report';
import type { E2eSection, LoggingSection, MessagingSection, SoakSection } from './sections';
import { saturated, ScalingRow, scalingLadder, scalingRow } from './e2e/scaling-phase';
import { TracingSection, tracingCost } from './e2e/tracing-phase';
import { AMQP_URL } from './lib/broker';
import { runChild } from './lib/child';
import { compileForChildren } from './lib/compile';
import { round1 } from './lib/stats';
import type { OrderflowMessagingResult } from './messaging/orderflow-messaging';
import type { RawResult } from './messaging/raw-amqplib';
import type { SeedPatternResult } from './messaging/seed-pattern';

const RESULTS = join(__dirname, 'results');
const BODY_BYTES = 1024;
const RAW_WINDOW = 500;
/** The shape measured best on this machine (see scaling[] in the results). */
const RECOMMENDED_PROCESSES = 3;

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const opts = {
  only: new Set(arg('only', 'messaging,seed,e2e,soak,scaling,catalog,tracing').split(',')),
  messages: Number(arg('messages', '20000')),
  steps: arg('steps', '50,150,250,400,500,600').split(',').map(Number),
  stepSeconds: Number(arg('step-seconds', '8')),
  drainSeconds: Number(arg('drain-seconds', '8')),
  soakSeconds: Number(arg('soak-seconds', '40')),
  /** Step length of the logging and tracing checks (fresh app per run, so they add up). */
  checkSeconds: Number(arg('check-seconds', '6')),
  loggingCheck: !flag('no-logging-check'),
  profile: flag('profile'),
  /** CONSUMER_PREFETCH for every orderflow app the bench starts (default: the app's own). */
  prefetch: arg('prefetch', '') ? Number(arg('prefetch', '')) : undefined,
  tracingRounds: Number(arg('tracing-rounds', '3')),
  /** App processes of the main e2e steps, soak, logging and tracing checks (see shapeOf). */
  shape: shapeOf(Number(arg('shape', String(RECOMMENDED_PROCESSES)))),
  scalingSteps: arg('scaling-steps', '250,400,550,700').split(',').map(Number),
  scalingSeconds: Number(arg('scaling-seconds', '5')),
};

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const profileDir = opts.profile ? join(RESULTS, 'profiles', stamp) : undefined;
const profileEnv = (): Record<string, string> =>
  profileDir ? { BENCH_PROFILE_DIR: profileDir } : {};

const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

// ---------------------------------------------------------------------------------------------

async function messaging(prefetch: number): Promise<MessagingSection> {
  const n = opts.messages;
  const warm = String(Math.max(1000, Math.round(n / 4)));
  const rounds = '2';
  const raw = (p: number) =>
    runChild<RawResult>(
      'messaging/raw-amqplib.ts',
      [String(n), String(RAW_WINDOW), String(p), String(BODY_BYTES), rounds, warm],
      { env: profileEnv() },
    );
  const ours = (p: number) =>
    runChild<OrderflowMessagingResult>(
      'messaging/orderflow-messaging.ts',
      [String(n), String(BODY_BYTES), String(p), rounds, warm],
      { env: profileEnv() },
    );
  log(`messaging: raw amqplib, window ${RAW_WINDOW}, prefetch ${prefetch} (orderflow's)`);
  const rawSame = await raw(prefetch);
  log(`  ${rawSame.msgs_per_s} msgs/s (rounds ${rawSame.rounds.join(', ')})`);
  log(`messaging: orderflow outbox relay → @OnEvent subscriber, prefetch ${prefetch}`);
  const oursSame = await ours(prefetch);
  log(`  ${oursSame.msgs_per_s} msgs/s (rounds ${oursSame.rounds.join(', ')})`);
  log(`messaging: raw amqplib ceiling, window ${RAW_WINDOW}, prefetch ${CEILING_PREFETCH}`);
  const rawCeiling = await raw(CEILING_PREFETCH);
  log(`  ${rawCeiling.msgs_per_s} msgs/s (rounds ${rawCeiling.rounds.join(', ')})`);
  log(`messaging: orderflow with CONSUMER_PREFETCH=${CEILING_PREFETCH}`);
  const oursCeiling = await ours(CEILING_PREFETCH);
  log(`  ${oursCeiling.msgs_per_s} msgs/s (rounds ${oursCeiling.rounds.join(', ')})`);
  const r = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    n,
    body_bytes: BODY_BYTES,
    queue_type: 'quorum (both)',
    consumer_prefetch: prefetch,
    orderflow_msgs_per_s: oursSame.msgs_per_s,
    raw_amqplib_msgs_per_s: rawSame.msgs_per_s,
    ratio: r(oursSame.msgs_per_s, rawSame.msgs_per_s),
    raw_amqplib_ceiling_msgs_per_s: rawCeiling.msgs_per_s,
    ratio_to_ceiling: r(oursSame.msgs_per_s, rawCeiling.msgs_per_s),
    orderflow_prefetch200_msgs_per_s: oursCeiling.msgs_per_s,
    ratio_prefetch200: r(oursCeiling.msgs_per_s, rawCeiling.msgs_per_s),
    runs: {
      raw_same_prefetch: rawSame,
      orderflow: oursSame,
      raw_ceiling: rawCeiling,
      orderflow_prefetch200: oursCeiling,
    },
  };
}

// ---------------------------------------------------------------------------------------------

const keepsUp = (s: StepResult) =>
  s.processed_per_s >= 0.95 * s.offered_per_s && s.unfinished === 0;

async function e2e(): Promise<E2eSection> {
  log(`e2e: starting the app: ${describeShape(opts.shape)}, in-memory storage, quiet log`);
  const host = await startHost({
    shape: opts.shape,
    logs: false,
    profileDir,
    prefetch: opts.prefetch,
  });
  const steps: StepResult[] = [];
  const skipped: number[] = [];
  let peakRss: number;
  try {
    await warmUp(host, 50, 3000);
    for (const rate of opts.steps) {
      const last = steps[steps.length - 1];
      // Past the target rate, a step after a saturated one would only measure the backlog.
      if (last && saturated(last) && last.offered_per_s >= TARGET_RATE) {
        skipped.push(rate);
        continue;
      }
      log(`e2e: ${rate} orders/s for ${opts.stepSeconds} s`);
      const s = await runMeasuredStep(
        host,
        rate,
        opts.stepSeconds * 1000,
        opts.drainSeconds * 1000,
        profileDir ? `e2e-${rate}-per-s` : undefined,
      );
      steps.push(s);
      log(
        `  accepted ${s.accepted_per_s}/s, processed ${s.processed_per_s}/s, p50/p95/p99 → CONFIRMED ` +
          `${s.p50_ms}/${s.p95_ms}/${s.p99_ms} ms, → email p99 ${s.email_p99_ms} ms, ` +
          `unfinished ${s.unfinished}; cores: app ${s.cpu_cores} (${s.process_cores.join(' + ')}), ` +
          `broker ${s.broker_cpu_cores}, SMTP sink ${s.smtp_sink_cpu_cores}, load generator ` +
          `${s.loadgen_cpu_cores}, other ${s.other_cpu_cores}; app CPU ${s.app_cpu_ms_per_order} ms/order`,
      );
    }
    peakRss = total(await usageOf(host)).max_rss_mb;
  } finally {
    await stopHost(host);
  }
  const by = <T>(f: (s: StepResult) => T) =>
    Object.fromEntries(steps.map((s) => [String(s.offered_per_s), f(s)]));
  const sustainable = steps.filter(keepsUp).map((s) => s.offered_per_s);
  const firstSaturated = steps.find(saturated);
  return {
    shape: opts.shape,
    step_seconds: opts.stepSeconds,
    drain_deadline_s: opts.drainSeconds,
    accepted_per_s: by((s) => s.accepted_per_s),
    processed_per_s: by((s) => s.processed_per_s),
    p50_ms: by((s) => s.p50_ms),
    p95_ms: by((s) => s.p95_ms),
    p99_ms: by((s) => s.p99_ms),
    email_p99_ms: by((s) => s.email_p99_ms),
    app_cpu_ms_per_order: by((s) => s.app_cpu_ms_per_order),
    process_cores: by((s) => s.process_cores),
    max_processed_per_s: Math.max(0, ...steps.map((s) => s.processed_per_s)),
    sustainable_per_s: sustainable.length ? Math.max(...sustainable) : null,
    saturated_at_per_s: firstSaturated?.offered_per_s ?? null,
    skipped_steps: skipped,
    peak_rss_mb: peakRss,
    steps,
  };
}

// ---------------------------------------------------------------------------------------------

async function soak(rate: number): Promise<SoakSection> {
  log(`soak: fresh app, ${rate} orders/s (half the sustainable rate) for ${opts.soakSeconds} s`);
  const host = await startHost({ shape: opts.shape, logs: false, prefetch: opts.prefetch });
  const gc = async () => total(await usageOf(host, 'gc'));
  try {
    await warmUp(host, rate, 3000);
    const start = await gc();
    const samples: SoakSection['samples'] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => {
      void usageOf(host).then((us) => {
        const u = total(us);
        samples.push({
          t_s: Math.round((Date.now() - t0) / 1000),
          rss_mb: u.rss_mb,
          heap_used_mb: u.heap_used_mb,
        });
      });
    }, 5000);
    // One full GC half way (a pause of a few tens of ms): separates what fills once (bounded
    // caches, V8's own warm-up) from what keeps growing with every order.
    let mid: ReturnType<typeof gc> | undefined;
    const midTimer = setTimeout(() => (mid = gc()), (opts.soakSeconds * 1000) / 2);
    const step = await runMeasuredStep(
      host,
      rate,
      opts.soakSeconds * 1000,
      opts.drainSeconds * 1000,
    );
    clearInterval(sampler);
    clearTimeout(midTimer);
    const middle = await mid;
    const end = await gc();
    const half = (rate * opts.soakSeconds) / 2;
    const perOrderKb = (mb: number, orders: number) => (orders ? round1((mb * 1024) / orders) : 0);
    const heapGrowth = end.heap_used_mb - start.heap_used_mb;
    const section: SoakSection = {
      rate_per_s: rate,
      seconds: opts.soakSeconds,
      orders: step.accepted,
      rss_growth_mb: round1(end.rss_mb - start.rss_mb),
      heap_growth_mb: round1(heapGrowth),
      heap_kept_per_order_kb: perOrderKb(heapGrowth, step.accepted),
      heap_kept_per_order_kb_first_half: middle
        ? perOrderKb(middle.heap_used_mb - start.heap_used_mb, half)
        : null,
      heap_kept_per_order_kb_second_half: middle
        ? perOrderKb(end.heap_used_mb - middle.heap_used_mb, step.accepted - half)
        : null,
      rss_start_mb: start.rss_mb,
      rss_mid_mb: middle?.rss_mb ?? null,
      rss_end_mb: end.rss_mb,
      heap_start_mb: start.heap_used_mb,
      heap_mid_mb: middle?.heap_used_mb ?? null,
      heap_end_mb: end.heap_used_mb,
      samples,
      step,
    };
    log(
      `  RSS ${start.rss_mb} → ${end.rss_mb} MB, heap after GC ${start.heap_used_mb} → ` +
        `${middle?.heap_used_mb} → ${end.heap_used_mb} MB over ${step.accepted} orders ` +
        `(${section.heap_kept_per_order_kb_first_half} / ${section.heap_kept_per_order_kb_second_half} KB per order ` +
        `in the 1st / 2nd half); p99 → CONFIRMED ${step.p99_ms} ms`,
    );
    return section;
  } finally {
    await stopHost(host);
  }
}

/** Same protocol twice on fresh apps (warm-up, then one step): quiet logger, then default. */
async function loggingCheck(rate: number): Promise<LoggingSection> {
  const once = async (logs: boolean): Promise<StepResult> => {
    const host = await startHost({ shape: opts.shape, logs, prefetch: opts.prefetch });
    try {
      await warmUp(host, 50, 3000);
      return await runMeasuredStep(host, rate, opts.checkSeconds * 1000, opts.drainSeconds * 1000);
    } finally {
      await stopHost(host);
    }
  };
  log(`logging: ${rate} orders/s on a fresh app with the quiet logger (errors only)`);
  const quiet = await once(false);
  log(
    `logging: ${rate} orders/s on a fresh app with the default logger (log, warn, error → stdout)`,
  );
  const loud = await once(true);
  const pick = (x: StepResult) => ({
    cpu_ms_per_order: x.cpu_ms_per_order,
    p50_ms: x.p50_ms,
    p99_ms: x.p99_ms,
    email_p99_ms: x.email_p99_ms,
  });
  const overhead = quiet.cpu_ms_per_order
    ? Math.round((loud.cpu_ms_per_order / quiet.cpu_ms_per_order - 1) * 100)
    : 0;
  log(
    `  CPU per order ${quiet.cpu_ms_per_order} ms quiet vs ${loud.cpu_ms_per_order} ms logging (${overhead}%)`,
  );
  return {
    rate_per_s: rate,
    quiet: pick(quiet),
    default_logging: pick(loud),
    cpu_overhead_pct: overhead,
    note:
      'the app process stdout goes to /dev/null; a terminal or a log shipper costs more. Run-to-run ' +
      'noise on this machine is about ±15%, so a smaller difference means "no measurable cost"',
  };
}

// ---------------------------------------------------------------------------------------------

async function environment(): Promise<Record<string, unknown>> {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: join(__dirname, '..'), encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  };
  let rabbit: string | undefined;
  try {
    const c = await amqp.connect(AMQP_URL);
    rabbit = String(
      (c as unknown as { connection: { serverProperties: { version: string } } }).connection
        .serverProperties.version,
    );
    await c.close();
  } catch (e) {
    throw new Error(`RabbitMQ is not reachable at ${AMQP_URL}: ${(e as Error).message}`);
  }
  return {
    started_at: new Date().toISOString().slice(0, 16).replace('T', ' '),
    commit: git(['rev-parse', '--short', 'HEAD']),
    /** src/ differs from the commit (the numbers then belong to uncommitted code). */
    dirty: (git(['status', '--porcelain', '--untracked-files=no', '--', 'src']) ?? '') !== '',
    node: process.version,
    rabbitmq: rabbit,
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model,
    memory_gb: Math.round(os.totalmem() / 1073741824),
    platform: `${os.platform()} ${os.release()}`,
    /** Other work on the machine skews every number; this says whether there was some. */
    load_average_at_start: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

async function catalog(): Promise<CatalogSection> {
  log('catalog: 20 price changes, each timed until orders charges the new price');
  const host = await startHost({ shape: opts.shape, logs: false, prefetch: opts.prefetch });
  let c: CatalogSection;
  try {
    c = await catalogPropagation(host);
    log(`  p50 ${c.p50_ms} ms, p95 ${c.p95_ms} ms, max ${c.max_ms} ms`);
  } finally {
    await stopHost(host);
  }
  try {
    const cache = await catalogCache(log);
    return {
      ...c,
      cached_reads_per_s: cache.cached_reads_per_s,
      eviction_ms_p99: cache.eviction_ms_p99,
      cache,
    };
  } catch (error) {
    log(`  catalog cache not measured: ${(error as Error).message}`);
    return {
      ...c,
      cached_reads_per_s: null,
      eviction_ms_p99: null,
      cache_error: (error as Error).message,
    };
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = await environment();
  log(
    `orderflow bench on ${env.cpus} cores, Node ${env.node}, RabbitMQ ${env.rabbitmq}, commit ${env.commit}${env.dirty ? ' (dirty)' : ''}`,
  );
  const load1 = (env.load_average_at_start as number[])[0];
  if (load1 > 0.5)
    log(
      `warning: load average ${load1} before starting: something else is using the CPU, numbers will be lower`,
    );
  const t0 = Date.now();
  const compiled = compileForChildren();
  log(
    `sources compiled for the child processes: ${compiled} changed file(s) in ${Date.now() - t0} ms`,
  );
  // orderflow's consumer prefetch: the app's default unless --prefetch overrides it.
  const prefetch = opts.prefetch ?? loadAppConfig({}).consumerPrefetch;
  const result: Record<string, unknown> = {
    generated_at: new Date().toISOString(),
    environment: env,
  };
  let m: MessagingSection | undefined;
  let e: E2eSection | undefined;
  let s: SoakSection | undefined;
  if (opts.only.has('messaging')) result.messaging = m = await messaging(prefetch);
  if (opts.only.has('seed')) {
    log('seed pattern: a connection per message, for 5 s');
    const seed = await runChild<SeedPatternResult>('messaging/seed-pattern.ts', [
      '5000',
      String(BODY_BYTES),
    ]);
    log(`  ${seed.msgs_per_s} msgs/s`);
    result.seed_pattern = seed;
  }
  if (opts.only.has('e2e')) result.e2e = e = await e2e();
  if (opts.only.has('soak')) {
    const base = e?.sustainable_per_s ?? (e ? Math.min(...opts.steps) / 2 : 100);
    result.soak = s = await soak(Math.max(10, Math.floor(base / 2)));
  }
  if (opts.only.has('e2e') && opts.loggingCheck && e?.steps.length)
    result.logging = await loggingCheck(
      Math.min(100, e.sustainable_per_s ?? e.steps[0].offered_per_s),
    );
  let sc: ScalingRow[] | undefined;
  if (opts.only.has('scaling')) {
    sc = [];
    for (const n of [1, 2, 3])
      sc.push(
        // The main steps ran on this shape already: no need to measure it twice.
        e?.steps.length && n === opts.shape.processes
          ? scalingRow(opts.shape, e.steps, `the e2e steps, ${opts.stepSeconds} s each`)
          : await scalingLadder(
              shapeOf(n),
              opts.scalingSteps,
              opts.scalingSeconds * 1000,
              // A ladder stops at its first saturated step: a long drain there would buy nothing.
              Math.min(opts.drainSeconds, 5) * 1000,
              log,
              opts.prefetch,
            ),
      );
    result.scaling = sc;
  }
  let c: CatalogSection | undefined;
  if (opts.only.has('catalog')) result.catalog = c = await catalog();
  let tr: TracingSection | undefined;
  if (opts.only.has('tracing'))
    result.tracing = tr = await tracingCost(
      Math.min(100, e?.sustainable_per_s ?? 100),
      opts.checkSeconds * 1000,
      opts.drainSeconds * 1000,
      opts.tracingRounds,
      log,
      opts.prefetch,
      opts.shape,
    );
  result.targets = targets(m, e, s, c, tr, sc);
  result.duration_s = Math.round((Date.now() - started) / 1000);
  if (profileDir) result.profiles = profileDir;

  mkdirSync(RESULTS, { recursive: true });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(join(RESULTS, 'latest.json'), json);
  writeFileSync(join(RESULTS, `${stamp}.json`), json);
  // The chart of the latest run only; every run's numbers stay in its timestamped JSON.
  if (e?.steps.length) writeFileSync(join(RESULTS, 'latency-vs-rate.svg'), chart(e, env));
  console.log(`\n${report(result)}\n`);
  log(
    `done: total ${Math.floor(Number(result.duration_s) / 60)} min ${Number(result.duration_s) % 60} s → bench/results/latest.json, ${stamp}.json${e?.steps.length ? ', latency-vs-rate.svg' : ''}`,
  );
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
