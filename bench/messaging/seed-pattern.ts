/**
 * The seeds' pattern, for reference: for every message open a connection and a confirm channel,
 * publish one persistent 1 KB message, wait for the confirm, close. Sequential, for a fixed time.
 *
 * Child process of bench/run.ts. argv: durationMs bodyBytes
 */
import * as amqp from 'amqplib';
import { AMQP_URL, benchPrefix, deleteTopology, jsonBody } from '../lib/broker';
import { reportToParent } from '../lib/child';

export interface SeedPatternResult {
  msgs_per_s: number;
  messages: number;
  duration_ms: number;
  body_bytes: number;
  queue_type: 'quorum';
}

async function main(): Promise<SeedPatternResult> {
  const [durationMs, bytes] = process.argv.slice(2).map(Number);
  const prefix = benchPrefix('seed');
  const exchange = `${prefix}events`;
  const queue = `${prefix}seed.bench-message`;
  const routingKey = 'bench.seed-message';
  const body = jsonBody(bytes);
  const setup = await amqp.connect(AMQP_URL);
  try {
    const ch = await setup.createChannel();
    await ch.assertExchange(exchange, 'topic', { durable: true });
    await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await ch.bindQueue(queue, exchange, routingKey);
    await ch.close();

    let messages = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < durationMs) {
      const conn = await amqp.connect(AMQP_URL);
      const pub = await conn.createConfirmChannel();
      pub.publish(exchange, routingKey, body, { persistent: true });
      await pub.waitForConfirms();
      await conn.close();
      messages++;
    }
    const elapsed = performance.now() - t0;
    return {
      msgs_per_s: Math.round((messages / elapsed) * 10_000) / 10,
      messages,
      duration_ms: Math.round(elapsed),
      body_bytes: body.length,
      queue_type: 'quorum',
    };
  } finally {
    await setup.close().catch(() => undefined);
    await deleteTopology([queue], [exchange]);
  }
}

reportToParent(main);
