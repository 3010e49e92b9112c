import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether this machine has RabbitMQ's own server and CLI, which private nodes need. */
export function rabbitInstalled(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v rabbitmq-server && command -v rabbitmqctl'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

/** `rabbitmqctl -n <node> …`; stdout, or a rejection carrying the CLI's own message. */
export async function rabbitmqctl(
  node: string,
  args: string[],
  timeoutMs = 60_000,
): Promise<string> {
  try {
    const { stdout } = await run('rabbitmqctl', ['-n', node, ...args], { timeout: timeoutMs });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`rabbitmqctl -n ${node} ${args.join(' ')}: ${e.stderr?.trim() || e.message}`);
  }
}

/** Tab-separated rows of a `list_*` command, without headers. */
export async function listRows(node: string, args: string[]): Promise<string[][]> {
  const out = await rabbitmqctl(node, [...args, '-q', '--no-table-headers']);
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
}

export async function spawnDetached(env: Record<string, string>): Promise<void> {
  await run('rabbitmq-server', ['-detached'], {
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}
