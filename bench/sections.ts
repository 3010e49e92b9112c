import type { Shape } from './e2e/app-cluster';
import type { StepResult } from './e2e/e2e-phase';
import type { OrderflowMessagingResult } from './messaging/orderflow-messaging';
import type { RawResult } from './messaging/raw-amqplib';

/** The sections of bench/results/latest.json that run.ts builds itself. */
export interface MessagingSection {
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

export interface E2eSection {
  shape: Shape;
  step_seconds: number;
  drain_deadline_s: number;
  accepted_per_s: Record<string, number>;
  processed_per_s: Record<string, number>;
  p50_ms: Record<string, number | null>;
  p95_ms: Record<string, number | null>;
  p99_ms: Record<string, number | null>;
  email_p99_ms: Record<string, number | null>;
  app_cpu_ms_per_order: Record<string, number>;
  /** Cores of each app process per step, in the shape's order. */
  process_cores: Record<string, number[]>;
  max_processed_per_s: number;
  sustainable_per_s: number | null;
  saturated_at_per_s: number | null;
  skipped_steps: number[];
  peak_rss_mb: number;
  steps: StepResult[];
}

export interface SoakSection {
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

export interface LoggingRun {
  cpu_ms_per_order: number;
  p50_ms: number | null;
  p99_ms: number | null;
  email_p99_ms: number | null;
}

export interface LoggingSection {
  rate_per_s: number;
  quiet: LoggingRun;
  default_logging: LoggingRun;
  cpu_overhead_pct: number;
  note: string;
}
