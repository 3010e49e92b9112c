/**
 * The ceiling: plain amqplib, one connection, a confirm channel publishing persistent 1 KB
 * messages with a window of unconfirmed publishes, and a consumer with manual acks and a
 * prefetch on a durable quorum queue bound to a durable topic exchange, as orderflow's are.
 *
 * Child process of bench/run.ts. argv: N windowSize prefetch bodyBytes rounds warmupN
 */
import * as amqp from 'amqplib';
import { AMQP_URL, benchPrefix, deleteTopology, jsonBody } from '../lib/broker';
import { reportToParent } from '../lib/child';
import { coresBetween, machineCpu } from '../lib/machine';
import type { Cores } from './orderflow-messaging';
import { WindowProfiler } from '../lib/profiler';

export interface RawResult {
  n: number;
  window: number;
  prefetch: number;
  body_bytes: number;
  queue_type: 'quorum';
  msgs_per_s: number;
  publish_confirmed_per_s: number;
  elapsed_ms: number;
  rounds: number[];
  cores: Cores;
}

/** Keeps `window` publishes unconfirmed at most; resolves at the last confirm (its time). */
function publishAll(
  pub: amqp.ConfirmChannel,
  exchange: string,
  routingKey: string,
  body: Buffer,
  n: number,
  window: number,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let published = 0;
    let confirmed = 0;
    let blocked = false;
    const pump = (): void => {
      while (!blocked && published < n && published - confirmed < window) {
        published++;
        const more = pub.publish(
          exchange,
          routingKey,
          body,
          { persistent: true, contentType: 'application/json' },
          (err) => {
            if (err) return reject(err);
            if (++confirmed === n) resolve(performance.now());
            else pump();
          },
        );
        if (!more) {
          blocked = true;
          pub.once('drain', () => {
            blocked = false;
            pump();
          });
        }
      }
    };
    pump();
  });
}

async function main(): Promise<RawResult> {
  const [n, window, prefetch, bytes, rounds, warmup] = process.argv.slice(2).map(Number);
  const prefix = benchPrefix('raw');
  const exchange = `${prefix}events`;
  const queue = `${prefix}raw.bench-message`;
  const routingKey = 'bench.raw-message';
  const body = jsonBody(bytes);

  const conn = await amqp.connect(AMQP_URL);
  try {
    const setup = await conn.createChannel();
    await setup.assertExchange(exchange, 'topic', { durable: true });
    await setup.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await setup.bindQueue(queue, exchange, routingKey);
    await setup.close();

    const consumer = await conn.createChannel();
    await consumer.prefetch(prefetch);
    const counter = {
      consumed: 0,
      target: Number.POSITIVE_INFINITY,
      done: () => undefined as void,
    };
    await consumer.consume(
      queue,
      (msg) => {
        if (!msg) return;
        consumer.ack(msg);
        if (++counter.consumed === counter.target) counter.done();
      },
      { noAck: false },
    );
    const pub = await conn.createConfirmChannel();

    const runs: Array<{
      msgs_per_s: number;
      publish_confirmed_per_s: number;
      elapsed_ms: number;
      cores: Cores;
    }> = [];
    for (let round = 0; round <= rounds; round++) {
      // Round 0 is an unmeasured warm-up, as for orderflow.
      const count = round === 0 ? warmup : n;
      counter.consumed = 0;
      counter.target = count;
      const allConsumed = new Promise<void>((r) => (counter.done = r));
      const profiler = new WindowProfiler(round === rounds ? process.env.BENCH_PROFILE_DIR : '');
      await profiler.start();
      const cpu0 = machineCpu();
      const t0 = performance.now();
      const tConfirmed = await publishAll(pub, exchange, routingKey, body, count, window);
      await allConsumed;
      const elapsed = performance.now() - t0;
      const cores = coresBetween(cpu0, machineCpu());
      await profiler.stop(`messaging-raw-prefetch${prefetch}`);
      if (round === 0) continue;
      runs.push({
        msgs_per_s: Math.round((n / elapsed) * 1000),
        publish_confirmed_per_s: Math.round((n / (tConfirmed - t0)) * 1000),
        elapsed_ms: Math.round(elapsed),
        cores: { client: cores.self, broker: cores.broker, machine: cores.machine },
      });
    }
    await consumer.close();
    await pub.close();
    const best = runs.reduce((a, b) => (b.msgs_per_s > a.msgs_per_s ? b : a));
    return {
      n,
      window,
      prefetch,
      body_bytes: body.length,
      queue_type: 'quorum',
      ...best,
      rounds: runs.map((r) => r.msgs_per_s),
    };
  } finally {
    await conn.close().catch(() => undefined);
    await deleteTopology([queue], [exchange]);
  }
}

reportToParent(main);
