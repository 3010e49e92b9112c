import http from 'node:http';
import { percentiles } from '../lib/stats';

export interface ClosedLoopResult {
  ok: number;
  errors: number;
  wallMs: number;
  p99Ms: number | null;
  /** CPU of this process (the load generator) over the run, in cores. */
  loadgenCores: number;
}

function getOnce(url: URL, agent: http.Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
  });
}

/**
 * Closed-model load: `clients` loops, each sending its next GET as soon as the previous one is
 * answered, for `ms`. Throughput, not latency under a fixed rate, is what this measures.
 */
export async function runFor(
  target: string,
  clients: number,
  ms: number,
  agent: http.Agent,
): Promise<ClosedLoopResult> {
  const url = new URL(target);
  const latencies: number[] = [];
  let [ok, errors] = [0, 0];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + ms;
  const client = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      const status = await getOnce(url, agent);
      if (status === 200) {
        ok++;
        latencies.push(performance.now() - start);
      } else errors++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    ok,
    errors,
    wallMs,
    p99Ms: percentiles(latencies, [99])[0],
    loadgenCores: Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 100) / 100,
  };
}
