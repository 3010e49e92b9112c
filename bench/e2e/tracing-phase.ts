import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { round1 } from '../lib/stats';
import type { Shape } from './app-cluster';
import { runMeasuredStep, startHost, StepResult, stopHost, warmUp } from './e2e-phase';

export interface TracingRun {
  cpu_ms_per_order: number;
  p50_ms: number | null;
  p99_ms: number | null;
  email_p99_ms: number | null;
  processed_per_s: number;
}

export interface TracingSection {
  rate_per_s: number;
  rounds: number;
  off: TracingRun;
  on: TracingRun;
  /** App CPU per order, on vs off, from the medians of the rounds. */
  cpu_overhead_pct: number;
  /** Every round's app CPU per order (ms), to see the spread the medians hide. */
  cpu_ms_per_order_rounds: { off: number[]; on: number[] };
  /** What the sink received from the traced runs' load windows and drains. */
  spans_per_order: number;
  exported_kb_per_order: number;
  note: string;
}

/** A local OTLP/HTTP JSON endpoint that takes every export and counts what it got. */
class OtlpSink {
  spans = 0;
  bytes = 0;
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      this.bytes += body.length;
      try {
        const sent = JSON.parse(body.toString()) as {
          resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: unknown[] }> }>;
        };
        for (const r of sent.resourceSpans ?? [])
          for (const s of r.scopeSpans ?? []) this.spans += s.spans?.length ?? 0;
      } catch {
        // Counted as bytes only.
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * The cost of tracing: the same protocol as the logging check (fresh app, warm-up, one step),
 * tracing off and on in turn, `rounds` times each, so drift on the machine hits both alike.
 * On is the production path: BatchSpanProcessor and the OTLP/HTTP JSON exporter, to a local sink.
 */
export async function tracingCost(
  rate: number,
  stepMs: number,
  drainMs: number,
  rounds: number,
  log: (s: string) => void,
  prefetch?: number,
  shape?: Shape,
): Promise<TracingSection> {
  const sink = new OtlpSink();
  const endpoint = await sink.start();
  const once = async (otlpEndpoint?: string): Promise<StepResult> => {
    const host = await startHost({ shape, logs: false, prefetch, otlpEndpoint });
    try {
      await warmUp(host, 50, 3000);
      if (otlpEndpoint) [sink.spans, sink.bytes] = [0, 0];
      return await runMeasuredStep(host, rate, stepMs, drainMs);
    } finally {
      await stopHost(host); // flushes what the batch processor still holds
    }
  };
  const off: StepResult[] = [];
  const on: StepResult[] = [];
  let spans = 0;
  let bytes = 0;
  let orders = 0;
  try {
    for (let i = 1; i <= rounds; i++) {
      log(`tracing: round ${i}/${rounds}, ${rate} orders/s, tracing off`);
      off.push(await once());
      log(`tracing: round ${i}/${rounds}, ${rate} orders/s, tracing on (OTLP to a local sink)`);
      const traced = await once(endpoint);
      on.push(traced);
      [spans, bytes, orders] = [spans + sink.spans, bytes + sink.bytes, orders + traced.accepted];
      log(
        `  CPU per order ${off[i - 1].cpu_ms_per_order} ms off, ${traced.cpu_ms_per_order} ms on`,
      );
    }
  } finally {
    await sink.stop();
  }
  // Medians: one round disturbed by other work on the machine must not decide the answer.
  const median = (runs: StepResult[]): TracingRun => {
    const mid = (f: (r: StepResult) => number | null) => {
      const xs = runs.map((r) => f(r) ?? 0).sort((x, y) => x - y);
      const h = Math.floor(xs.length / 2);
      return round1(xs.length % 2 ? xs[h] : (xs[h - 1] + xs[h]) / 2);
    };
    return {
      cpu_ms_per_order: mid((r) => r.cpu_ms_per_order),
      p50_ms: mid((r) => r.p50_ms),
      p99_ms: mid((r) => r.p99_ms),
      email_p99_ms: mid((r) => r.email_p99_ms),
      processed_per_s: mid((r) => r.processed_per_s),
    };
  };
  const [a, b] = [median(off), median(on)];
  return {
    rate_per_s: rate,
    rounds,
    off: a,
    on: b,
    cpu_overhead_pct: a.cpu_ms_per_order
      ? round1((b.cpu_ms_per_order / a.cpu_ms_per_order - 1) * 100)
      : 0,
    cpu_ms_per_order_rounds: {
      off: off.map((r) => r.cpu_ms_per_order),
      on: on.map((r) => r.cpu_ms_per_order),
    },
    spans_per_order: orders ? round1(spans / orders) : 0,
    exported_kb_per_order: orders ? round1(bytes / 1024 / orders) : 0,
    note:
      'medians of alternating fresh-app runs (off, on, off, on…); spans and bytes are what reached ' +
      'the sink after the warm-up (a few late warm-up spans may be in them). Run-to-run noise is ' +
      'several %: a smaller difference means "no measurable cost"',
  };
}
