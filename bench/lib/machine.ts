import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time of the whole machine and of the local RabbitMQ (beam.smp), read from /proc, so each
 * step can say who used the cores: the app, the broker, the load generator, or someone else
 * (another job on the same machine skews the numbers; the bench reports it rather than hide it).
 * All values are in seconds of CPU; undefined where /proc is not available.
 */
export interface CpuSnapshot {
  at: number;
  busy?: number;
  broker?: number;
  self: number;
}

const TICK = 100; // USER_HZ: 100 on every Linux this runs on

let brokerPid: number | undefined | null = null;

/**
 * The machine's RabbitMQ: the oldest beam.smp. Test suites start private brokers (beam.smp too)
 * for a while; the one the bench talks to has run since the machine started.
 */
function findBroker(): number | undefined {
  let best: { pid: number; started: number } | undefined;
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() !== 'beam.smp') continue;
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const started = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
        if (!best || started < best.started) best = { pid: Number(d), started };
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return best?.pid;
}

function processCpu(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK; // utime + stime
  } catch {
    return undefined;
  }
}

function machineBusy(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / TICK;
  } catch {
    return undefined;
  }
}

export function machineCpu(): CpuSnapshot {
  if (brokerPid === null) brokerPid = findBroker();
  const self = process.cpuUsage();
  return {
    at: Date.now(),
    busy: machineBusy(),
    broker: brokerPid ? processCpu(brokerPid) : undefined,
    self: (self.user + self.system) / 1e6,
  };
}

/** Cores used between two snapshots: whole machine, broker, and this process. */
export function coresBetween(
  a: CpuSnapshot,
  b: CpuSnapshot,
): { machine: number | null; broker: number | null; self: number } {
  const s = (b.at - a.at) / 1000 || 1;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    machine: a.busy !== undefined && b.busy !== undefined ? r((b.busy - a.busy) / s) : null,
    broker: a.broker !== undefined && b.broker !== undefined ? r((b.broker - a.broker) / s) : null,
    self: r((b.self - a.self) / s),
  };
}
