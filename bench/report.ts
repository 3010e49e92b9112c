/** The bench's text report, its targets and its chart, from the sections of a run. */
import { describeCache } from './e2e/catalog-cache-phase';
import type { CatalogSection } from './e2e/catalog-phase';
import { describeShape } from './e2e/app-cluster';
import type { StepResult } from './e2e/e2e-phase';
import type { ScalingRow } from './e2e/scaling-phase';
import type { TracingSection } from './e2e/tracing-phase';
import { lineChart } from './lib/svg';
import { table } from './lib/table';
import type { OrderflowMessagingResult } from './messaging/orderflow-messaging';
import type { RawResult } from './messaging/raw-amqplib';
import type { SeedPatternResult } from './messaging/seed-pattern';
import type { E2eSection, LoggingSection, MessagingSection, SoakSection } from './sections';

/** The step whose p99 the latency target is about. */
export const TARGET_RATE = 250;
const P99_TARGET_MS = 250;
const CPU_TARGET_MS = 2;
/** The prefetch of the messaging ceiling runs. */
export const CEILING_PREFETCH = 200;

export function chart(e: E2eSection, env: Record<string, unknown>): string {
  const pts = (f: (s: StepResult) => number | null) =>
    e.steps.map((s) => ({ x: s.offered_per_s, y: f(s) }));
  return lineChart({
    title: 'orderflow: POST /orders → CONFIRMED latency vs offered rate',
    subtitle: [
      `${e.shape.processes} app process${e.shape.processes > 1 ? 'es' : ''} (${describeShape(e.shape)}), in-memory storage; open-model load, ${e.step_seconds} s per step`,
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
    target: { y: P99_TARGET_MS, label: `target: p99 ≤ ${P99_TARGET_MS} ms at ${TARGET_RATE}/s` },
    marker: { x: TARGET_RATE, label: `${TARGET_RATE}/s` },
  });
}

export function targets(
  m?: MessagingSection,
  e?: E2eSection,
  s?: SoakSection,
  c?: CatalogSection,
  tr?: TracingSection,
  sc?: ScalingRow[],
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
    const shape = `${e.shape.processes} app process${e.shape.processes > 1 ? 'es' : ''}`;
    out.e2e_throughput = {
      target: `≥ 500 orders/s fully processed (CONFIRMED + email at the SMTP sink; ${shape})`,
      value: e.max_processed_per_s,
      met: e.max_processed_per_s >= 500,
    };
    const at = e.steps.find((x) => x.offered_per_s === TARGET_RATE);
    out.e2e_p99_at_250 = {
      target: `p99 POST→CONFIRMED ≤ ${P99_TARGET_MS} ms at ${TARGET_RATE} orders/s (${shape})`,
      value: at ? (at.p99_ms ?? `> ${e.drain_deadline_s} s drain (unfinished)`) : 'not measured',
      met: !!at && at.p99_ms !== null && at.p99_ms <= P99_TARGET_MS,
    };
    out.app_cpu_per_order = {
      target: `app CPU ≤ ${CPU_TARGET_MS} ms per order (all app processes, at ${TARGET_RATE}/s; ${shape})`,
      value: at ? at.app_cpu_ms_per_order : 'not measured',
      met: !!at && at.app_cpu_ms_per_order > 0 && at.app_cpu_ms_per_order <= CPU_TARGET_MS,
    };
  }
  const one = sc?.find((x) => x.processes === 1);
  if (one)
    out.single_process_throughput = {
      target:
        '(for comparison) 1 app process: orders/s fully processed, ≥ 500 would meet the target',
      value: one.max_processed_per_s,
      met: one.max_processed_per_s >= 500,
    };
  if (s)
    out.soak_memory = {
      target: `no memory growth in the ${s.seconds} s soak (RSS after GC, MB; ≤ 5 MB counts as flat)`,
      value: s.rss_growth_mb,
      // In-memory storage keeps every order, payment, reservation and notification by design,
      // so some growth is data, not a leak: heap_kept_per_order_kb says how much per order.
      met: s.rss_growth_mb <= 5,
    };
  if (c) {
    out.catalog_propagation = {
      target: 'p95 price change → price charged by orders ≤ 2000 ms',
      value: c.p95_ms,
      met: c.p95_ms <= 2000,
    };
    if (c.cached_reads_per_s !== undefined)
      out.catalog_cached_reads = {
        target: '≥ 5000 cached GET /inventory/products/:sku per s (one instance, 64 clients)',
        value: c.cached_reads_per_s,
        met: (c.cached_reads_per_s ?? 0) >= 5000,
      };
    if (c.eviction_ms_p99 !== undefined)
      out.catalog_eviction = {
        target: 'p99 price PUT on one instance → new price read on another ≤ 100 ms',
        value: c.eviction_ms_p99 ?? 'not measured',
        met: c.eviction_ms_p99 !== null && c.eviction_ms_p99 <= 100,
      };
  }
  return out;
}

export function report(r: Record<string, unknown>): string {
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
      `End to end on ${describeShape(e.shape)}: POST /orders at fixed offered rates, ${e.step_seconds} s each ` +
        `(latency from the POST being due; email = accepted by the SMTP sink)\n`,
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
          'per process',
          'broker cores',
          'sink cores',
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
          s.process_cores.join(' + '),
          s.broker_cpu_cores,
          s.smtp_sink_cpu_cores,
          s.other_cpu_cores,
          s.app_cpu_ms_per_order,
        ]),
      ),
    );
    if (e.skipped_steps.length)
      lines.push(
        `(not run: ${e.skipped_steps.join(', ')}/s — saturated at ${e.saturated_at_per_s}/s)`,
      );
    lines.push(
      `peak RSS ${e.peak_rss_mb} MB (largest app process); sustainable ${e.sustainable_per_s ?? '—'} orders/s\n`,
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
  const sc = r.scaling as ScalingRow[] | undefined;
  if (sc?.length) {
    lines.push('Scaling: the same app cut into 1, 2 and 3 processes, a short ladder each\n');
    lines.push(
      table(
        [
          'processes',
          'modules',
          'max processed/s',
          'at offered/s',
          'p99 ms at 250/s',
          'app ms CPU/order',
          'app cores',
          'per process',
          'broker cores',
          'other cores',
        ],
        sc.map((x) => [
          x.processes,
          x.modules.map((m) => m.join('+')).join(' | '),
          x.max_processed_per_s,
          x.at_offered_per_s,
          x.p99_ms_at_250,
          x.app_cpu_ms_per_order,
          x.app_cores,
          x.process_cores.join(' + '),
          x.broker_cores,
          x.other_cores,
        ]),
      ),
    );
    lines.push('');
  }
  const c = r.catalog as CatalogSection | undefined;
  if (c) {
    lines.push(
      `Catalog: price change → charged by orders p50 ${c.p50_ms} ms, p95 ${c.p95_ms} ms, max ${c.max_ms} ms`,
    );
    if (c.cache) lines.push(describeCache(c.cache));
    lines.push('');
  }
  const t = r.targets as ReturnType<typeof targets>;
  lines.push(
    table(
      ['target', 'value', 'met'],
      Object.values(t).map((x) => [x.target, x.value, x.met ? 'yes' : 'NO']),
    ),
  );
  return lines.join('\n');
}
