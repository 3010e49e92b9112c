/**
 * `npm run bench`: orderflow's throughput and latency, measured the same way every time, next
 * to the raw-amqplib ceiling of the machine it runs on. Talks only to 127.0.0.1 (the local
 * RabbitMQ, and the app it starts). Not part of the tests.
 *
 *   npm run bench                       everything (about 7 minutes on 2 cores, 3 of them tracing)
 *   npm run bench -- --only=messaging   or e2e, soak, seed, catalog, tracing (comma-separated)
 *   npm run bench -- --profile          also write .cpuprofile files of each measured window
 *   npm run bench -- --steps=50,100 --step-seconds=10 --soak-seconds=60 --messages=20000
 *   npm run bench -- --prefetch=100     run every orderflow app with CONSUMER_PREFETCH=100
 *   npm run bench -- --only=tracing --tracing-rounds=7   CPU per order, tracing off vs on (default 5)
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
import type { HostUsage } from './e2e/app-host';
import { CatalogSection, catalogPropagation } from './e2e/catalog-phase';
import { runMeasuredStep, startHost, StepResult, stopHost, warmUp } from './e2e/e2e-phase';
import { TracingSection, tracingCost } from './e2e/tracing-phase';
import { AMQP_URL } from './lib/broker';
import { runChild } from './lib/child';
import { round1 } from './lib/stats';
import { lineChart } from './lib/svg';
import { table } from './lib/table';
import type { OrderflowMessagingResult } from './messaging/orderflow-messaging';
import type { RawResult } from './messaging/raw-amqplib';
import type { SeedPatternResult } from './messaging/seed-pattern';

const RESULTS = join(__dirname, 'results');
const BODY_BYTES = 1024;
const RAW_WINDOW = 500;
const CEILING_PREFETCH = 200;
/** The step whose p99 the latency target is about. */
const TARGET_RATE = 250;

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const opts = {
  only: new Set(arg('only', 'messaging,seed,e2e,soak,catalog,tracing').split(',')),
  messages: Number(arg('messages', '20000')),
  steps: arg('steps', '50,100,150,250,400,500,600').split(',').map(Number),
  stepSeconds: Number(arg('step-seconds', '10')),
  drainSeconds: Number(arg('drain-seconds', '10')),
  soakSeconds: Number(arg('soak-seconds', '60')),
  loggingCheck: !flag('no-logging-check'),
  profile: flag('profile'),
  /** CONSUMER_PREFETCH for every orderflow app the bench starts (default: the app's own). */
  prefetch: arg('prefetch', '') ? Number(arg('prefetch', '')) : undefined,
  tracingRounds: Number(arg('tracing-rounds', '5')),
};

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const profileDir = opts.profile ? join(RESULTS, 'profiles', stamp) : undefined;
const profileEnv = (): Record<string, string> =>
  profileDir ? { BENCH_PROFILE_DIR: profileDir } : {};

const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

// ---------------------------------------------------------------------------------------------

interface MessagingSection {
  n: number;
  body_bytes: number;
  queue_type: string;
  consumer_prefetch: number;
  orderflow_msgs_per_s: number;
  raw_amqplib_msgs_per_s: number;
  ratio: number;
  raw_amqplib_ceiling_msgs_per_s: number;
  ratio_to_ceiling: number;
  orderflow_prefetch200_msgs_per_s: number;
  ratio_prefetch200: number;
  runs: Record<string, OrderflowMessagingResult | RawResult>;
}

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

interface E2eSection {
  step_seconds: number;
  drain_deadline_s: number;
  accepted_per_s: Record<string, number>;
  processed_per_s: Record<string, number>;
  p50_ms: Record<string, number | null>;
  p95_ms: Record<string, number | null>;
  p99_ms: Record<string, number | null>;
  email_p99_ms: Record<string, number | null>;
  max_processed_per_s: number;
  sustainable_per_s: number | null;
  saturated_at_per_s: number | null;
  skipped_steps: number[];
  peak_rss_mb: number;
  steps: StepResult[];
}

const keepsUp = (s: StepResult) =>
  s.processed_per_s >= 0.95 * s.offered_per_s && s.unfinished === 0;
const saturated = (s: StepResult) => s.processed_per_s < 0.9 * s.offered_per_s || s.unfinished > 0;

async function e2e(): Promise<E2eSection> {
  log('e2e: starting the app (all modules, in-memory storage, embedded SMTP catcher, quiet log)');
  const host = await startHost({ logs: false, profileDir, prefetch: opts.prefetch });
  const steps: StepResult[] = [];
  const skipped: number[] = [];
  let usage: HostUsage;
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
          `unfinished ${s.unfinished}; cores: app ${s.cpu_cores}, broker ${s.broker_cpu_cores}, ` +
          `load generator ${s.loadgen_cpu_cores}, other ${s.other_cpu_cores}`,
      );
    }
    usage = await host.rpc.call<HostUsage>('usage');
  } finally {
    await stopHost(host);
  }
  const by = <T>(f: (s: StepResult) => T) =>
    Object.fromEntries(steps.map((s) => [String(s.offered_per_s), f(s)]));
  const sustainable = steps.filter(keepsUp).map((s) => s.offered_per_s);
  const firstSaturated = steps.find(saturated);
  return {
    step_seconds: opts.stepSeconds,
    drain_deadline_s: opts.drainSeconds,
    accepted_per_s: by((s) => s.accepted_per_s),
    processed_per_s: by((s) => s.processed_per_s),
    p50_ms: by((s) => s.p50_ms),
    p95_ms: by((s) => s.p95_ms),
    p99_ms: by((s) => s.p99_ms),
    email_p99_ms: by((s) => s.email_p99_ms),
    max_processed_per_s: Math.max(0, ...steps.map((s) => s.processed_per_s)),
    sustainable_per_s: sustainable.length ? Math.max(...sustainable) : null,
    saturated_at_per_s: firstSaturated?.offered_per_s ?? null,
    skipped_steps: skipped,
    peak_rss_mb: usage.max_rss_mb,
    steps,
  };
}

// ---------------------------------------------------------------------------------------------

interface SoakSection {
  rate_per_s: number;
  seconds: number;
  orders: number;
  /** RSS after a full GC, at the end minus at the start. */
  rss_growth_mb: number;
  heap_growth_mb: number;
  /** Heap (after GC) kept per order placed during the soak; in-memory storage keeps every
   *  order, payment, reservation and notification by design. Also per half of the soak. */
  heap_kept_per_order_kb: number;
  heap_kept_per_order_kb_first_half: number | null;
  heap_kept_per_order_kb_second_half: number | null;
  rss_start_mb: number;
  rss_mid_mb: number | null;
  rss_end_mb: number;
  heap_start_mb: number;
  heap_mid_mb: number | null;
  heap_end_mb: number;
  samples: Array<{ t_s: number; rss_mb: number; heap_used_mb: number }>;
  step: StepResult;
}

async function soak(rate: number): Promise<SoakSection> {
  log(`soak: fresh app, ${rate} orders/s (half the sustainable rate) for ${opts.soakSeconds} s`);
  const host = await startHost({ logs: false, prefetch: opts.prefetch });
  try {
    await warmUp(host, rate, 3000);
    const start = await host.rpc.call<HostUsage>('gc');
    const samples: SoakSection['samples'] = [];
    const t0 = Date.now();
    const sampler = setInterval(() => {
      void host.rpc.call<HostUsage>('usage').then((u) =>
        samples.push({
          t_s: Math.round((Date.now() - t0) / 1000),
          rss_mb: u.rss_mb,
          heap_used_mb: u.heap_used_mb,
        }),
      );
    }, 5000);
    // One full GC half way (a pause of a few tens of ms): separates what fills once (bounded
    // caches, V8's own warm-up) from what keeps growing with every order.
    let mid: Promise<HostUsage> | undefined;
    const midTimer = setTimeout(
      () => (mid = host.rpc.call<HostUsage>('gc')),
      (opts.soakSeconds * 1000) / 2,
    );
    const step = await runMeasuredStep(
      host,
      rate,
      opts.soakSeconds * 1000,
      opts.drainSeconds * 1000,
    );
    clearInterval(sampler);
    clearTimeout(midTimer);
    const middle = await mid;
    const end = await host.rpc.call<HostUsage>('gc');
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

interface LoggingRun {
  cpu_ms_per_order: number;
  p50_ms: number | null;
  p99_ms: number | null;
  email_p99_ms: number | null;
}

interface LoggingSection {
  rate_per_s: number;
  quiet: LoggingRun;
  default_logging: LoggingRun;
  cpu_overhead_pct: number;
  note: string;
}

/** Same protocol twice on fresh apps (warm-up, then one step): quiet logger, then default. */
async function loggingCheck(rate: number): Promise<LoggingSection> {
  const once = async (logs: boolean): Promise<StepResult> => {
    const host = await startHost({ logs, prefetch: opts.prefetch });
    try {
      await warmUp(host, 50, 3000);
      return await runMeasuredStep(host, rate, opts.stepSeconds * 1000, opts.drainSeconds * 1000);
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

function chart(e: E2eSection, env: Record<string, unknown>): string {
  const pts = (f: (s: StepResult) => number | null) =>
    e.steps.map((s) => ({ x: s.offered_per_s, y: f(s) }));
  return lineChart({
    title: 'orderflow: POST /orders → CONFIRMED latency vs offered rate',
    subtitle: [
      `all modules in one process, in-memory storage, embedded SMTP catcher; open-model load, ${e.step_seconds} s per step`,
      `${env.cpus} cores, Node ${env.node}, RabbitMQ ${env.rabbitmq}, commit ${env.commit}${env.dirty ? ' (dirty)' : ''}, ${String(env.started_at)}`,
    ],
    xLabel: 'offered rate (orders/s, open model)',
    yLabel: 'latency (log scale)',
    series: [
      { name: 'p50 → CONFIRMED', color: '#1565c0', points: pts((s) => s.p50_ms) },
      { name: 'p95 → CONFIRMED', color: '#ef6c00', points: pts((s) => s.p95_ms) },
      { name: 'p99 → CONFIRMED', color: '#c62828', points: pts((s) => s.p99_ms) },
      {
        name: 'p99 → email sent',
        color: '#6a1b9a',
        dashed: true,
        points: pts((s) => s.email_p99_ms),
      },
    ],
    target: { y: 500, label: 'target: p99 ≤ 500 ms at 250/s' },
    marker: { x: TARGET_RATE, label: `${TARGET_RATE}/s` },
  });
}

function targets(
  m?: MessagingSection,
  e?: E2eSection,
  s?: SoakSection,
  c?: CatalogSection,
  tr?: TracingSection,
): Record<string, { target: string; value: number | string | null; met: boolean }> {
  const out: Record<string, { target: string; value: number | string | null; met: boolean }> = {};
  if (tr)
    out.tracing_cost = {
      target: `tracing on costs < 10% more app CPU per order (at ${tr.rate_per_s}/s, %)`,
      value: tr.cpu_overhead_pct,
      met: tr.cpu_overhead_pct < 10,
    };
  if (m)
    out.messaging = {
      target: 'orderflow ≥ 90% of raw amqplib (same prefetch)',
      value: m.ratio,
      met: m.ratio >= 0.9,
    };
  if (e) {
    out.e2e_throughput = {
      target: '≥ 500 orders/s fully processed',
      value: e.max_processed_per_s,
      met: e.max_processed_per_s >= 500,
    };
    const at = e.steps.find((x) => x.offered_per_s === TARGET_RATE);
    out.e2e_p99_at_250 = {
      target: 'p99 POST→CONFIRMED ≤ 500 ms at 250 orders/s',
      value: at ? (at.p99_ms ?? `> ${e.drain_deadline_s} s drain (unfinished)`) : 'not measured',
      met: !!at && at.p99_ms !== null && at.p99_ms <= 500,
    };
  }
  if (s)
    out.soak_memory = {
      target: `no memory growth in the ${s.seconds} s soak (RSS after GC, MB; ≤ 5 MB counts as flat)`,
      value: s.rss_growth_mb,
      // In-memory storage keeps every order, payment, reservation and notification by design,
      // so some growth is data, not a leak: heap_kept_per_order_kb says how much per order.
      met: s.rss_growth_mb <= 5,
    };
  if (c)
    out.catalog_propagation = {
      target: 'p95 price change → price charged by orders ≤ 2000 ms',
      value: c.p95_ms,
      met: c.p95_ms <= 2000,
    };
  return out;
}

function report(r: Record<string, unknown>): string {
  const lines: string[] = [];
  const m = r.messaging as MessagingSection | undefined;
  if (m) {
    lines.push(
      `Messaging: ${m.n} persistent ${m.body_bytes} B messages, publisher confirms, manual acks, quorum queues\n`,
    );
    lines.push(
      table(
        [
          'path',
          'prefetch',
          'msgs/s',
          'publish→confirm msgs/s',
          'vs raw, same prefetch',
          'client cores',
          'broker cores',
        ],
        (
          [
            ['raw amqplib (window 500)', m.consumer_prefetch, m.runs.raw_same_prefetch, 1],
            ['orderflow relay + @OnEvent', m.consumer_prefetch, m.runs.orderflow, m.ratio],
            ['raw amqplib (window 500)', CEILING_PREFETCH, m.runs.raw_ceiling, 1],
            [
              'orderflow relay + @OnEvent',
              CEILING_PREFETCH,
              m.runs.orderflow_prefetch200,
              m.ratio_prefetch200,
            ],
          ] as Array<[string, number, RawResult | OrderflowMessagingResult, number]>
        ).map(([name, p, run, ratio]) => [
          name,
          p,
          run.msgs_per_s,
          run.publish_confirmed_per_s,
          ratio.toFixed(2),
          run.cores.client,
          run.cores.broker,
        ]),
      ),
    );
    lines.push('');
  }
  const seed = r.seed_pattern as SeedPatternResult | undefined;
  if (seed) lines.push(`Seed pattern (connection per message): ${seed.msgs_per_s} msgs/s\n`);
  const e = r.e2e as E2eSection | undefined;
  if (e) {
    lines.push(
      `End to end: POST /orders at fixed offered rates, ${e.step_seconds} s each (latency from the POST being due)\n`,
    );
    lines.push(
      table(
        [
          'offered/s',
          'accepted/s',
          'confirmed/s',
          'processed/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'email p99 ms',
          'http p99 ms',
          'unfinished',
          'app cores',
          'broker cores',
          'other cores',
          'app ms CPU/order',
        ],
        e.steps.map((s) => [
          s.offered_per_s,
          s.accepted_per_s,
          s.confirmed_per_s,
          s.processed_per_s,
          s.p50_ms,
          s.p95_ms,
          s.p99_ms,
          s.email_p99_ms,
          s.http_p99_ms,
          s.unfinished,
          s.cpu_cores,
          s.broker_cpu_cores,
          s.other_cpu_cores,
          s.cpu_ms_per_order,
        ]),
      ),
    );
    if (e.skipped_steps.length)
      lines.push(
        `(not run: ${e.skipped_steps.join(', ')}/s — saturated at ${e.saturated_at_per_s}/s)`,
      );
    lines.push(
      `peak RSS ${e.peak_rss_mb} MB; sustainable ${e.sustainable_per_s ?? '—'} orders/s\n`,
    );
  }
  const s = r.soak as SoakSection | undefined;
  if (s)
    lines.push(
      `Soak: ${s.seconds} s at ${s.rate_per_s}/s (${s.orders} orders): RSS ${s.rss_start_mb} → ${s.rss_end_mb} MB ` +
        `(${s.rss_growth_mb >= 0 ? '+' : ''}${s.rss_growth_mb}), heap after GC ${s.heap_start_mb} → ${s.heap_end_mb} MB ` +
        `(${s.heap_kept_per_order_kb} KB kept per order; ${s.heap_kept_per_order_kb_first_half} / ` +
        `${s.heap_kept_per_order_kb_second_half} KB in the 1st / 2nd half), p99 → CONFIRMED ${s.step.p99_ms} ms, ` +
        `processed ${s.step.processed_per_s}/s\n`,
    );
  const l = r.logging as LoggingSection | undefined;
  if (l)
    lines.push(
      `Default logging at ${l.rate_per_s}/s: ${l.default_logging.cpu_ms_per_order} vs ${l.quiet.cpu_ms_per_order} ms CPU per order quiet ` +
        `(${l.cpu_overhead_pct >= 0 ? '+' : ''}${l.cpu_overhead_pct}%), p99 → CONFIRMED ${l.default_logging.p99_ms} vs ${l.quiet.p99_ms} ms\n`,
    );
  const tr = r.tracing as TracingSection | undefined;
  if (tr)
    lines.push(
      `Tracing at ${tr.rate_per_s}/s (median of ${tr.rounds} rounds each): ${tr.on.cpu_ms_per_order} ms CPU per order on vs ` +
        `${tr.off.cpu_ms_per_order} off [rounds: on ${tr.cpu_ms_per_order_rounds.on.join(', ')}; off ${tr.cpu_ms_per_order_rounds.off.join(', ')}] (${tr.cpu_overhead_pct >= 0 ? '+' : ''}${tr.cpu_overhead_pct}%), ` +
        `p99 → CONFIRMED ${tr.on.p99_ms} vs ${tr.off.p99_ms} ms; ${tr.spans_per_order} spans, ` +
        `${tr.exported_kb_per_order} KB of OTLP JSON per order\n`,
    );
  const t = r.targets as ReturnType<typeof targets>;
  lines.push(
    table(
      ['target', 'value', 'met'],
      Object.values(t).map((x) => [x.target, x.value, x.met ? 'yes' : 'NO']),
    ),
  );
  return lines.join('\n');
}

async function catalog(): Promise<CatalogSection> {
  log('catalog: 20 price changes, each timed until orders charges the new price');
  const host = await startHost({ logs: false, prefetch: opts.prefetch });
  try {
    const c = await catalogPropagation(host);
    log(`  p50 ${c.p50_ms} ms, p95 ${c.p95_ms} ms, max ${c.max_ms} ms`);
    return c;
  } finally {
    await stopHost(host);
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
  let c: CatalogSection | undefined;
  if (opts.only.has('catalog')) result.catalog = c = await catalog();
  let tr: TracingSection | undefined;
  if (opts.only.has('tracing'))
    result.tracing = tr = await tracingCost(
      Math.min(100, e?.sustainable_per_s ?? 100),
      opts.stepSeconds * 1000,
      opts.drainSeconds * 1000,
      opts.tracingRounds,
      log,
      opts.prefetch,
    );
  result.targets = targets(m, e, s, c, tr);
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
    `done in ${result.duration_s} s → bench/results/latest.json, ${stamp}.json${e?.steps.length ? ', latency-vs-rate.svg' : ''}`,
  );
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
