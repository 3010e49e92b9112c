import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { waitFor } from './wait-for';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'main.js');

/**
 * dist/ as `npm start` runs it: the same prestart step, which builds only when dist/ is missing or
 * older than the sources, and once however many suites ask at the same time.
 */
export async function buildDist(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'prestart.mjs')], {
    cwd: ROOT,
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The built app in a separate Node process, as a split deployment runs it. */
export class AppProcess {
  private child?: ChildProcess;
  private output = '';
  readonly port: number;

  private constructor(
    readonly name: string,
    port: number,
  ) {
    this.port = port;
  }

  static async start(name: string, env: Record<string, string>): Promise<AppProcess> {
    const p = await AppProcess.spawn(name, env);
    await waitFor(
      async () => (await request(p.url).get('/health')).body as { status?: string },
      (h) => h.status === 'ok',
      { timeoutMs: 30_000, intervalMs: 200, what: `${name} to be healthy` },
    ).catch(async (e: Error) => {
      // A process that never became healthy must not outlive the failed test.
      await p.kill('SIGKILL');
      throw new Error(`${e.message}\n--- ${name} output ---\n${p.output.slice(-4000)}`);
    });
    return p;
  }

  /** Started, not waited for: for a process that is not meant to become healthy. */
  static async spawn(name: string, env: Record<string, string>): Promise<AppProcess> {
    const p = new AppProcess(name, await freePort());
    p.child = spawn(process.execPath, [MAIN], {
      // Split suites place orders in bursts, as the shared test app does: no rate limit.
      env: { ORDER_RATE_LIMIT: '0', ...process.env, ...env, PORT: String(p.port), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    p.child.stdout?.on('data', (d: Buffer) => (p.output += d.toString()));
    p.child.stderr?.on('data', (d: Buffer) => (p.output += d.toString()));
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get log(): string {
    return this.output;
  }

  http() {
    return request(this.url);
  }

  count(pattern: RegExp): number {
    return (this.output.match(new RegExp(pattern, 'g')) ?? []).length;
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
