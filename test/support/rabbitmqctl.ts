import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Stops the broker app (connections drop, durable data stays). Pair with startBroker in a finally. */
export async function stopBroker(): Promise<void> {
  await run('rabbitmqctl', ['stop_app'], { timeout: 60_000 });
}

export async function startBroker(): Promise<void> {
  await run('rabbitmqctl', ['start_app'], { timeout: 60_000 });
  await run('rabbitmqctl', ['await_startup'], { timeout: 60_000 });
}

/** Runs `during` with the broker stopped and always starts it again, whatever happens. */
export async function withBrokerStopped<T>(during: () => Promise<T>): Promise<T> {
  try {
    await stopBroker();
    return await during();
  } finally {
    await startBroker();
  }
}

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
