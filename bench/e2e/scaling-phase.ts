import type { FeatureModuleName } from '../../src/common/config/app-config';
import { describeShape, Shape, startHost, stopHost } from './app-cluster';
import { runMeasuredStep, StepResult, warmUp } from './e2e-phase';

/** One shape's short ladder: the row of `scaling[]` in the results. */
export interface ScalingRow {
  processes: number;
  modules: FeatureModuleName[][];
  /** Its own short ladder, or the main e2e steps when this is the shape they ran on. */
  source: string;
  max_processed_per_s: number;
  /** p99 POST → CONFIRMED at 250/s offered (null: not reached by the drain deadline). */
  p99_ms_at_250: number | null;
  /** The figures below are from the step that processed most (its offered rate). */
  at_offered_per_s: number;
  app_cpu_ms_per_order: number;
  app_cores: number;
  process_cores: number[];
  broker_cores: number | null;
  /** Cores used by other work on the machine in that step: a large figure means a noisy run. */
  other_cores: number | null;
  /** Every step, briefly: offered → processed/s, p99, app ms CPU per order. */
  steps: Array<{
    offered_per_s: number;
    processed_per_s: number;
    p99_ms: number | null;
    email_p99_ms: number | null;
    app_cpu_ms_per_order: number;
    app_cores: number;
    broker_cores: number | null;
    other_cores: number | null;
  }>;
}

export const saturated = (s: StepResult): boolean =>
  s.processed_per_s < 0.9 * s.offered_per_s || s.unfinished > 0;

/**
 * Rates in turn on a fresh app of this shape, stopping after the first step it cannot keep up
 * with: more would only measure the backlog.
 */
export async function scalingLadder(
  shape: Shape,
  rates: number[],
  stepMs: number,
  drainMs: number,
  log: (s: string) => void,
  prefetch?: number,
): Promise<ScalingRow> {
  log(`scaling: ${describeShape(shape)}`);
  const host = await startHost({ shape, logs: false, prefetch });
  const steps: StepResult[] = [];
  try {
    await warmUp(host, 100, 2000);
    for (const rate of rates) {
      const s = await runMeasuredStep(host, rate, stepMs, drainMs);
      steps.push(s);
      log(
        `  ${rate}/s: processed ${s.processed_per_s}/s, p99 ${s.p99_ms} ms, email p99 ${s.email_p99_ms} ms, ` +
          `app ${s.app_cpu_ms_per_order} ms CPU/order, cores: app ${s.cpu_cores} ` +
          `(${s.process_cores.join(' + ')}), broker ${s.broker_cpu_cores}, sink ${s.smtp_sink_cpu_cores}, ` +
          `other ${s.other_cpu_cores}`,
      );
      if (saturated(s)) break;
    }
  } finally {
    await stopHost(host);
  }
  return scalingRow(shape, steps, `own ladder, ${stepMs / 1000} s per step`);
}

/** The row of `scaling[]` for a shape, from the steps it was measured at. */
export function scalingRow(shape: Shape, steps: StepResult[], source: string): ScalingRow {
  const best = steps.reduce((a, b) => (b.processed_per_s > a.processed_per_s ? b : a));
  return {
    processes: shape.processes,
    modules: shape.modules,
    source,
    max_processed_per_s: best.processed_per_s,
    p99_ms_at_250: steps.find((s) => s.offered_per_s === 250)?.p99_ms ?? null,
    at_offered_per_s: best.offered_per_s,
    app_cpu_ms_per_order: best.app_cpu_ms_per_order,
    app_cores: best.cpu_cores,
    process_cores: best.process_cores,
    broker_cores: best.broker_cpu_cores,
    other_cores: best.other_cpu_cores,
    steps: steps.map((s) => ({
      offered_per_s: s.offered_per_s,
      processed_per_s: s.processed_per_s,
      p99_ms: s.p99_ms,
      email_p99_ms: s.email_p99_ms,
      app_cpu_ms_per_order: s.app_cpu_ms_per_order,
      app_cores: s.cpu_cores,
      broker_cores: s.broker_cpu_cores,
      other_cores: s.other_cpu_cores,
    })),
  };
}
