import { coresBetween, machineCpu } from '../lib/machine';
import { percentiles, round1 } from '../lib/stats';
import { Host, SKU, total, usageOf } from './app-cluster';
import type { HostUsage, Outcome } from './app-host';
import { runStep, SentOrder } from './load';

export type { Host } from './app-cluster';
export { SKU, startHost, stopHost } from './app-cluster';

/** One offered-rate step, measured. Times are ms; rates per second. */
export interface StepResult {
  offered_per_s: number;
  duration_s: number;
  sent: number;
  accepted: number;
  /** 202s answered within the step window ÷ its duration. */
  accepted_per_s: number;
  /** Orders CONFIRMED with their email sent, completing inside the step window (its first
   *  second, the ramp, left out) ÷ that window. */
  processed_per_s: number;
  /** The same for reaching CONFIRMED alone (email not required). */
  confirmed_per_s: number;
  /** Accepted orders still not CONFIRMED + emailed when the drain deadline passed. */
  unfinished: number;
  /** From the POST being due to the order's CONFIRMED history entry. */
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  /** From the POST being due to the confirmation email reaching the SMTP sink. */
  email_p50_ms: number | null;
  email_p95_ms: number | null;
  email_p99_ms: number | null;
  /** POST → 202 response. */
  http_p50_ms: number | null;
  http_p99_ms: number | null;
  http_errors: number;
  /** CPU (user + system) of all app processes together in the load window: cores busy, and ms
   *  per processed order (app_cpu_ms_per_order is the same figure under the name). */
  cpu_ms_per_order: number;
  app_cpu_ms_per_order: number;
  cpu_cores: number;
  /** Cores of each app process (in the shape's order), and of the SMTP sink. */
  process_cores: number[];
  smtp_sink_cpu_cores: number;
  /** Same window: RabbitMQ, the load generator (this process), the whole machine, and what is
   *  left, i.e. other processes on the machine (null where /proc is unavailable). */
  broker_cpu_cores: number | null;
  loadgen_cpu_cores: number;
  machine_cpu_cores: number | null;
  other_cpu_cores: number | null;
  rss_mb: number;
  /** When the step's last email went out, after its last POST was due. */
  drained_after_ms: number | null;
}

let orderSeq = 0;
function orderBody(): (i: number) => string {
  const run = ++orderSeq;
  return (i) =>
    JSON.stringify({
      customerEmail: `bench+${run}-${i}@example.com`,
      items: [{ sku: SKU, quantity: 1 }],
      paymentToken: 'tok_visa',
    });
}

interface SinkUsage {
  cpu_user_us: number;
  cpu_system_us: number;
}

/** Fills in when each CONFIRMED order's email reached the sink, waiting for it until `deadline`. */
async function emailTimes(
  host: Host,
  accepted: Array<{ id: string }>,
  outcomes: Outcome[],
  deadline: number,
): Promise<void> {
  let waiting = outcomes.map((o, i) => i).filter((i) => outcomes[i][2] === 'CONFIRMED');
  for (;;) {
    const at = await host.sink.call<number[]>('take', { ids: waiting.map((i) => accepted[i].id) });
    waiting.forEach((i, k) => (outcomes[i][3] = at[k]));
    waiting = waiting.filter((i) => outcomes[i][3] < 0);
    if (waiting.length === 0 || Date.now() >= deadline) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sends one step, waits for its orders to finish (up to `drainMs`), and measures it. */
export async function runMeasuredStep(
  host: Host,
  rate: number,
  durationMs: number,
  drainMs: number,
  profileName?: string,
): Promise<StepResult> {
  const each = (method: string, params = {}) =>
    Promise.all(host.procs.map((p) => p.rpc.call(method, params)));
  if (profileName) await each('profileStart');
  const before = await usageOf(host);
  const sink0 = await host.sink.call<SinkUsage>('usage');
  const machine0 = machineCpu();
  const load = await runStep({ baseUrl: host.url, rate, durationMs, body: orderBody() });
  const afterLoad = await usageOf(host);
  const sink1 = await host.sink.call<SinkUsage>('usage');
  const machine1 = machineCpu();
  if (profileName)
    await Promise.all(
      host.procs.map((p, i) =>
        p.rpc.call('profileStop', {
          name:
            host.procs.length > 1 ? `${profileName}-p${i + 1}-${p.modules.join('+')}` : profileName,
        }),
      ),
    );
  const loadWallMs = Date.now() - load.startedAt;
  const accepted = load.orders.filter((o): o is SentOrder & { id: string } => !!o.id);
  const deadline = Date.now() + drainMs;
  const outcomes = await host.orders.rpc.call<Outcome[]>(
    'collect',
    { ids: accepted.map((o) => o.id), waitMs: drainMs },
    drainMs + 120_000,
  );
  await emailTimes(host, accepted, outcomes, deadline);
  const after = total(await usageOf(host));

  const toConfirmed: number[] = [];
  const toEmail: number[] = [];
  let lastSent = 0;
  const rampEnd = load.startedAt + Math.min(1000, durationMs / 5);
  let processedInWindow = 0;
  let confirmedInWindow = 0;
  accepted.forEach((o, i) => {
    const [, confirmedAt, , sentAt] = outcomes[i];
    if (confirmedAt >= 0) {
      toConfirmed.push(confirmedAt - o.dueAt);
      if (confirmedAt >= rampEnd && confirmedAt <= load.endedAt) confirmedInWindow++;
    }
    if (sentAt >= 0) {
      toEmail.push(sentAt - o.dueAt);
      lastSent = Math.max(lastSent, sentAt);
      if (sentAt >= rampEnd && sentAt <= load.endedAt) processedInWindow++;
    }
  });
  const unconfirmed = accepted.length - toConfirmed.length;
  const unfinished = accepted.length - toEmail.length;
  const [p50, p95, p99, max] = percentiles(toConfirmed, [50, 95, 99, 100], unconfirmed);
  const [e50, e95, e99] = percentiles(toEmail, [50, 95, 99], unfinished);
  const answered = load.orders.filter((o) => o.status === 202 && o.answeredAt <= load.endedAt);
  const [h50, h99] = percentiles(
    accepted.map((o) => o.answeredAt - o.dueAt),
    [50, 99],
  );
  const cpuOf = (a: HostUsage | SinkUsage, b: HostUsage | SinkUsage) =>
    (b.cpu_user_us + b.cpu_system_us - a.cpu_user_us - a.cpu_system_us) / 1000 / loadWallMs;
  const processCores = before.map((b, i) => Math.round(cpuOf(b, afterLoad[i]) * 100) / 100);
  const cpuCores = cpuOf(total(before), total(afterLoad));
  const sinkCores = cpuOf(sink0, sink1);
  const cores = coresBetween(machine0, machine1);
  const seconds = durationMs / 1000;
  const processedPerS = processedInWindow / ((load.endedAt - rampEnd) / 1000);
  const cpuPerOrder = processedPerS > 0 ? round1((cpuCores * 1000) / processedPerS) : 0;
  return {
    offered_per_s: rate,
    duration_s: seconds,
    sent: load.orders.length,
    accepted: accepted.length,
    accepted_per_s: round1(answered.length / seconds),
    processed_per_s: round1(processedPerS),
    confirmed_per_s: round1(confirmedInWindow / ((load.endedAt - rampEnd) / 1000)),
    unfinished,
    p50_ms: p50,
    p95_ms: p95,
    p99_ms: p99,
    max_ms: max,
    email_p50_ms: e50,
    email_p95_ms: e95,
    email_p99_ms: e99,
    http_p50_ms: h50,
    http_p99_ms: h99,
    http_errors: load.orders.length - accepted.length,
    // Over the load window only (not the drain, not the collection that follows it).
    cpu_ms_per_order: cpuPerOrder,
    app_cpu_ms_per_order: cpuPerOrder,
    cpu_cores: Math.round(cpuCores * 100) / 100,
    process_cores: processCores,
    smtp_sink_cpu_cores: Math.round(sinkCores * 100) / 100,
    broker_cpu_cores: cores.broker,
    loadgen_cpu_cores: cores.self,
    machine_cpu_cores: cores.machine,
    other_cpu_cores:
      cores.machine === null || cores.broker === null
        ? null
        : Math.max(
            0,
            Math.round((cores.machine - cores.broker - cores.self - cpuCores - sinkCores) * 100) /
              100,
          ),
    rss_mb: after.rss_mb,
    drained_after_ms: unfinished === 0 && lastSent ? Math.max(0, lastSent - load.endedAt) : null,
  };
}

/** Unmeasured: gets JIT, sockets, queues and the catalog read model warm. */
export async function warmUp(host: Host, rate: number, durationMs: number): Promise<void> {
  await runMeasuredStep(host, rate, durationMs, 15_000);
}
