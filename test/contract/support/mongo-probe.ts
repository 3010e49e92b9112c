import { spawnSync } from 'node:child_process';
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type MongoAvailability =
  | { available: true; source: 'MONGODB_URI' | 'mongodb-memory-server' }
  | { available: false; reason: string };

type ProbeResult = { ok: true } | { ok: false; reason: string };

const PROBE_TIMEOUT_MS = Number(process.env.CONTRACT_MONGO_PROBE_TIMEOUT_MS ?? 15_000);
// Long enough to cover one test run, short enough that a later run notices a newly installed binary.
const CACHE_MAX_AGE_MS = 5 * 60_000;
const CACHE_PREFIX = 'orderflow-contract-mongo-';

/** Starts a one-node replica set in a child process and stops it: the child can be killed on timeout. */
const PROBE_SCRIPT = `
const { MongoMemoryReplSet } = require(process.argv[1]);
const done = (result) => { process.stdout.write('\\n' + JSON.stringify(result) + '\\n'); process.exit(0); };
MongoMemoryReplSet.create({ replSet: { count: 1, storageEngine: 'wiredTiger' } })
  .then((rs) => rs.stop())
  .then(() => done({ ok: true }), (e) => done({ ok: false, reason: String((e && e.message) || e) }));
`;

/**
 * Whether the Mongo half of the contract suites can run. Synchronous because Jest collects tests
 * synchronously and a skipped half has to be known by then. The memory-server probe runs at most
 * once per test run: its verdict is cached in a temp file keyed by the Jest parent process, and a
 * lock keeps parallel workers from probing (and downloading) at the same time.
 */
export function mongoAvailability(): MongoAvailability {
  if (process.env.MONGODB_URI) return { available: true, source: 'MONGODB_URI' };
  const result = cachedProbe();
  if (result.ok) return { available: true, source: 'mongodb-memory-server' };
  return {
    available: false,
    reason: `MONGODB_URI is not set and mongodb-memory-server could not start a replica set: ${result.reason}`,
  };
}

function cachedProbe(): ProbeResult {
  const base = join(tmpdir(), `${CACHE_PREFIX}${process.ppid}`);
  const resultFile = `${base}.json`;
  const lockFile = `${base}.lock`;
  const deadline = Date.now() + PROBE_TIMEOUT_MS + 5_000;
  while (Date.now() < deadline) {
    const cached = readFresh(resultFile);
    if (cached) return cached;
    if (tryLock(lockFile)) {
      try {
        // The previous lock holder may have written its verdict just before we took the lock.
        const earlier = readFresh(resultFile);
        if (earlier) return earlier;
        removeStaleVerdicts();
        const result = probe();
        writeFileSync(resultFile, JSON.stringify(result));
        return result;
      } finally {
        unlinkSync(lockFile);
      }
    }
    // Another worker is probing: wait for its verdict rather than download in parallel.
    sleep(100);
  }
  return probe();
}

function probe(): ProbeResult {
  const started = Date.now();
  const child = spawnSync(
    process.execPath,
    ['-e', PROBE_SCRIPT, require.resolve('mongodb-memory-server-core')],
    {
      encoding: 'utf8',
      timeout: PROBE_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      // One download attempt: retries only add seconds when the network is blocked.
      env: { MONGOMS_MAX_RETRIES: '1', ...process.env },
    },
  );
  if (child.error || child.signal) {
    const why = child.error?.message ?? `killed by ${child.signal}`;
    return {
      ok: false,
      reason: `gave up after ${Date.now() - started} ms (${why}); a binary download or start is too slow`,
    };
  }
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  return (
    parseResult(lastLine) ?? {
      ok: false,
      reason: `probe exited ${child.status}: ${oneLine(child.stderr)}`,
    }
  );
}

function parseResult(text: string): ProbeResult | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !('ok' in value)) return undefined;
  if (value.ok === true) return { ok: true };
  const reason =
    'reason' in value && typeof value.reason === 'string' ? value.reason : 'unknown error';
  return { ok: false, reason: oneLine(reason) };
}

function readFresh(file: string): ProbeResult | undefined {
  try {
    if (Date.now() - statSync(file).mtimeMs > CACHE_MAX_AGE_MS) return undefined;
    return parseResult(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function tryLock(file: string): boolean {
  try {
    closeSync(openSync(file, 'wx'));
    return true;
  } catch {
    // A lock left by a worker that died mid-probe would otherwise block every later run.
    try {
      if (Date.now() - statSync(file).mtimeMs > PROBE_TIMEOUT_MS * 2) unlinkSync(file);
    } catch {
      // Someone else removed it first.
    }
    return false;
  }
}

/** Verdicts of earlier runs are keyed by a parent pid that is gone; clear them out of tmp. */
function removeStaleVerdicts(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CACHE_PREFIX)) continue;
    const file = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(file).mtimeMs > CACHE_MAX_AGE_MS) unlinkSync(file);
    } catch {
      // Another worker removed it first.
    }
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 400);
}
