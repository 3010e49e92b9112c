import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './app-process';
import { waitFor } from './wait-for';

export function prometheusInstalled(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v prometheus'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What /api/v1/query answers: an instant vector (or scalar) under `data.result`. */
export interface QueryAnswer {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; value: unknown }> };
}

/**
 * A real Prometheus server of our own (Debian's `prometheus` package): on a free port, with a
 * scrape config and a data directory in a temp dir that stop() removes.
 */
export class PrometheusServer {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {}

  /** Scrapes each `host:port` target's /metrics every second. */
  static async start(targets: string[]): Promise<PrometheusServer> {
    const dir = await mkdtemp(join(tmpdir(), 'orderflow-prometheus-'));
    const config = join(dir, 'prometheus.yml');
    await writeFile(
      config,
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        'scrape_configs:',
        '  - job_name: orderflow',
        '    metrics_path: /metrics',
        `    static_configs: [{ targets: ${JSON.stringify(targets)} }]`,
        '',
      ].join('\n'),
    );
    const port = await freePort();
    const child = spawn(
      'prometheus',
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const server = new PrometheusServer(child, dir, `http://127.0.0.1:${port}`);
    child.stdout?.on('data', (d: Buffer) => (server.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (server.output += d.toString()));
    await waitFor(
      () => fetch(`${server.url}/-/ready`).then((r) => r.status),
      (status) => status === 200,
      { timeoutMs: 30_000, intervalMs: 200, what: 'Prometheus to be ready' },
    ).catch(async (error: Error) => {
      await server.stop();
      throw new Error(`${error.message}\n--- prometheus ---\n${server.output.slice(-3000)}`);
    });
    return server;
  }

  async query(expr: string): Promise<QueryAnswer> {
    const res = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    return (await res.json()) as QueryAnswer;
  }

  /** The health of each scrape target, as Prometheus last saw it. */
  async targets(): Promise<Array<{ health: string; lastError: string; scrapeUrl: string }>> {
    const res = await fetch(`${this.url}/api/v1/targets`);
    return ((await res.json()) as { data: { activeTargets: [] } }).data.activeTargets;
  }

  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}
