import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The shared broker's CLI, read-only. Whatever stops, resets or reconfigures a broker runs on a
// private node (test/support/private-broker/); test/tooling/broker-cli.spec.ts holds that line.

/**
 * Messages in a queue, ready plus delivered-but-unacked (read-only; amqplib's checkQueue counts
 * only the ready ones, so it reads 0 while a consumer is still working on a message).
 */
export async function queueBacklog(queue: string): Promise<number> {
  const { stdout } = await run(
    'rabbitmqctl',
    ['list_queues', '-q', '--no-table-headers', 'name', 'messages'],
    { timeout: 60_000 },
  );
  const row = stdout
    .split('\n')
    .map((line) => line.split('\t'))
    .find(([name]) => name === queue);
  if (!row) throw new Error(`queue ${queue} does not exist`);
  return Number(row[1]);
}

/** Exchanges a queue is bound to, the default exchange left out (read-only). */
export async function bindingSources(queue: string): Promise<string[]> {
  const { stdout } = await run(
    'rabbitmqctl',
    ['list_bindings', '-q', '--no-table-headers', 'source_name', 'destination_name'],
    { timeout: 60_000 },
  );
  return stdout
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([source, destination]) => source && destination === queue)
    .map(([source]) => source);
}
