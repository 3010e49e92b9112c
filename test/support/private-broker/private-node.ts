import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../app-process';
import { waitFor } from '../wait-for';
import { rabbitmqctl, spawnDetached } from './rabbit-tools';

export interface NodeOptions {
  /** Short node name; the node is `<name>@localhost`. Unique by default. */
  name?: string;
  /** AMQP port; a free one by default. */
  port?: number;
  /** Extra rabbitmq.conf lines, e.g. a TLS listener. */
  config?: string[];
  /** Where its data and logs live; a fresh temporary directory by default. */
  baseDir?: string;
}

/**
 * A RabbitMQ node of the test's own, beside the machine's default broker: its own name, ports,
 * data and logs. Tests that stop, kill or reconfigure a broker use these, never the one on 5672.
 */
export class PrivateNode {
  private constructor(
    readonly node: string,
    readonly port: number,
    readonly distPort: number,
    readonly dir: string,
  ) {}

  static async create(options: NodeOptions = {}): Promise<PrivateNode> {
    const short = options.name ?? `of-${randomBytes(3).toString('hex')}`;
    const port = options.port ?? (await freePort());
    // The CLI reaches a node on its distribution port; keep it next to the AMQP port when fixed.
    const distPort = options.port ? options.port + 20_000 : await freePort();
    const dir = options.baseDir ?? join(tmpdir(), `orderflow-broker-${short}`);
    const n = new PrivateNode(`${short}@localhost`, port, distPort, dir);
    n.writeFiles(options.config ?? []);
    return n;
  }

  /** A fresh node, started and answering AMQP. */
  static async start(options: NodeOptions = {}): Promise<PrivateNode> {
    const n = await PrivateNode.create(options);
    try {
      await n.start();
    } catch (error) {
      await n.remove();
      throw error;
    }
    return n;
  }

  url(user = 'guest', password = 'guest', vhost = ''): string {
    const v = vhost ? `/${encodeURIComponent(vhost)}` : '';
    return `amqp://${user}:${password}@127.0.0.1:${this.port}${v}`;
  }

  ctl(args: string[], timeoutMs?: number): Promise<string> {
    return rabbitmqctl(this.node, args, timeoutMs);
  }

  async start(): Promise<void> {
    await spawnDetached(this.env());
    await this.awaitStartup();
  }

  /** Polls: await_startup refuses at once while the node has not registered with epmd yet. */
  async awaitStartup(timeoutMs = 90_000): Promise<void> {
    await waitFor(
      () => this.ctl(['await_startup', '--timeout', '10'], 15_000),
      () => true,
      { timeoutMs, intervalMs: 500, what: `${this.node} to start` },
    );
  }

  /** A clean shutdown of the whole node (Erlang VM included). */
  async stop(): Promise<void> {
    await this.ctl(['stop', this.pidFile]).catch(() => undefined);
  }

  /** The node dies at once, as a power cut would do to it: no goodbye to clients or peers. */
  kill9(): void {
    const pid = Number(readFileSync(this.pidFile, 'utf8').trim());
    process.kill(pid, 'SIGKILL');
  }

  /** True while the node's Erlang VM runs, whether or not RabbitMQ inside it answers. */
  private vmRunning(): boolean {
    try {
      process.kill(Number(readFileSync(this.pidFile, 'utf8').trim()), 0);
      return true;
    } catch {
      return false;
    }
  }

  stopApp(): Promise<string> {
    return this.ctl(['stop_app']);
  }

  async startApp(): Promise<void> {
    await this.ctl(['start_app']);
    await this.ctl(['await_startup']);
  }

  /** Stops the node if it runs and deletes its data and logs. */
  async remove(): Promise<void> {
    await this.stop();
    // A node that would not stop (hung, or paused in a partition) must not outlive the test.
    if (this.vmRunning()) this.kill9();
    rmSync(this.dir, { recursive: true, force: true });
  }

  get pidFile(): string {
    return join(this.dir, 'node.pid');
  }

  private env(): Record<string, string> {
    return {
      RABBITMQ_NODENAME: this.node,
      RABBITMQ_NODE_PORT: String(this.port),
      RABBITMQ_DIST_PORT: String(this.distPort),
      RABBITMQ_MNESIA_BASE: join(this.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(this.dir, 'log'),
      RABBITMQ_CONFIG_FILE: join(this.dir, 'rabbitmq.conf'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.dir, 'enabled_plugins'),
      RABBITMQ_PID_FILE: this.pidFile,
    };
  }

  private writeFiles(extraConfig: string[]): void {
    mkdirSync(join(this.dir, 'mnesia'), { recursive: true });
    mkdirSync(join(this.dir, 'log'), { recursive: true });
    const conf = [
      `listeners.tcp.default = 127.0.0.1:${this.port}`,
      // Tests connect as guest over 127.0.0.1 only; the node is private to this machine.
      'loopback_users = none',
      // Leaders of new quorum queues go to the least loaded node, not all to the declaring one.
      'queue_leader_locator = balanced',
      // Lose the majority and stop serving, rather than diverge (the cluster recommendation).
      'cluster_partition_handling = pause_minority',
      ...extraConfig,
    ];
    writeFileSync(join(this.dir, 'rabbitmq.conf'), conf.join('\n') + '\n');
    // No plugins: a bare node boots in a few seconds.
    writeFileSync(join(this.dir, 'enabled_plugins'), '[].\n');
    chownToBrokerUser(this.dir);
  }
}

/**
 * Debian's `rabbitmq-server` wrapper runs the node as the `rabbitmq` user when started by root,
 * so that user must own the node's files (certificates included). Elsewhere the node runs as
 * the caller, who owns them already.
 */
export function chownToBrokerUser(path: string): void {
  if (process.getuid?.() !== 0 || !existsSync('/var/lib/rabbitmq')) return;
  execFileSync('chown', ['-R', 'rabbitmq:rabbitmq', path]);
}
