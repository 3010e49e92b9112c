/**
 * orderflow's own path: N persistent ~1 KB events appended to an in-memory outbox, published by
 * the OutboxRelay (publisher confirms), consumed by an @OnEvent subscriber (manual ack, contract
 * validation, inbox idempotency). Timed from the first append to the last handled delivery.
 *
 * Child process of bench/run.ts. argv: N bodyBytes prefetch rounds warmupN
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadAppConfig } from '../../src/common/config/load-app-config';
import { AppLogger } from '../../src/common/correlation/app.logger';
import { RabbitEventServer } from '../../src/messaging/consumer/rabbit-event.server';
import { newEnvelope } from '../../src/messaging/envelope/new-envelope';
import { InMemoryOutboxStore } from '../../src/messaging/outbox/in-memory-outbox.store';
import { toOutboxMessage } from '../../src/messaging/outbox/outbox-message';
import { OutboxRelay } from '../../src/messaging/outbox/outbox.relay';
import { OutboxStore } from '../../src/messaging/outbox/outbox.store';
import { TopologyDeclarer } from '../../src/messaging/topology/topology.declarer';
import { AMQP_URL, benchPrefix, deleteTopology } from '../lib/broker';
import { reportToParent } from '../lib/child';
import { coresBetween, machineCpu } from '../lib/machine';
import { WindowProfiler } from '../lib/profiler';
import { BenchMessage, BenchMessagingModule, deliveries } from './bench-messaging.module';

export interface OrderflowMessagingResult {
  n: number;
  body_bytes: number;
  prefetch: number;
  queue_type: 'quorum';
  msgs_per_s: number;
  publish_confirmed_per_s: number;
  elapsed_ms: number;
  /** msgs/s of every round; the best one is reported. */
  rounds: number[];
  /** CPU cores used during the best round: this process, RabbitMQ, the whole machine. */
  cores: Cores;
}

export interface Cores {
  client: number;
  broker: number | null;
  machine: number | null;
}

interface RoundResult {
  body_bytes: number;
  msgs_per_s: number;
  publish_confirmed_per_s: number;
  elapsed_ms: number;
  cores: Cores;
}

async function oneRound(
  outbox: InMemoryOutboxStore,
  relay: OutboxRelay,
  n: number,
  bytes: number,
  profileDir: string | undefined,
): Promise<RoundResult> {
  // Every message is built before the clock starts: the bench times the messaging, not the
  // domain code that would produce the events. New ids every round (the inbox would skip
  // repeats).
  const probe = toOutboxMessage(newEnvelope(BenchMessage, { seq: 1000, data: '' }));
  const filler = 'x'.repeat(Math.max(0, bytes - Buffer.byteLength(probe.body)));
  const messages = Array.from({ length: n }, (_, seq) =>
    toOutboxMessage(newEnvelope(BenchMessage, { seq: 1000 + (seq % 9000), data: filler })),
  );
  const published0 = relay.published;
  deliveries.count = 0;
  deliveries.target = n;
  const allHandled = new Promise<void>((resolve) => (deliveries.done = resolve));
  let tConfirmed = 0;
  const watch = setInterval(() => {
    if (!tConfirmed && relay.published - published0 >= n) tConfirmed = performance.now();
  }, 2);

  const profiler = new WindowProfiler(profileDir);
  await profiler.start();
  const cpu0 = machineCpu();
  const t0 = performance.now();
  outbox.append(messages);
  await allHandled;
  const elapsed = performance.now() - t0;
  const cores = coresBetween(cpu0, machineCpu());
  clearInterval(watch);
  await profiler.stop('messaging-orderflow');
  if (!tConfirmed) tConfirmed = performance.now();
  return {
    body_bytes: Buffer.byteLength(messages[0].body),
    msgs_per_s: Math.round((n / elapsed) * 1000),
    publish_confirmed_per_s: Math.round((n / (tConfirmed - t0)) * 1000),
    elapsed_ms: Math.round(elapsed),
    cores: { client: cores.self, broker: cores.broker, machine: cores.machine },
  };
}

async function main(): Promise<OrderflowMessagingResult> {
  const [n, bytes, prefetch, rounds, warmup] = process.argv.slice(2).map(Number);
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const config = loadAppConfig({
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://127.0.0.1:1', // production requires one; this bench sends no email
    AMQP_URL,
    AMQP_NAME_PREFIX: benchPrefix('msg'),
    APP_MODULES: 'orders', // unused here: the bench module imports only the backbone
    CONSUMER_PREFETCH: String(prefetch),
  });
  const app = await NestFactory.create(BenchMessagingModule.forRoot(config), {
    logger: new AppLogger('bench', { logLevels: ['error'] }),
  });
  const declarer = app.get(TopologyDeclarer);
  try {
    const server = app.get(RabbitEventServer);
    // As startApp does (the handlers bind their own exception filter).
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: false });
    await app.startAllMicroservices();
    await app.init();
    await server.ready();

    const outbox = app.get(OutboxStore) as InMemoryOutboxStore;
    const relay = app.get(OutboxRelay);
    // One unmeasured round first: JIT and the broker's queue warm up, as in a running service.
    await oneRound(outbox, relay, warmup, bytes, undefined);
    const runs: RoundResult[] = [];
    for (let round = 1; round <= rounds; round++)
      runs.push(await oneRound(outbox, relay, n, bytes, round === rounds ? profileDir : undefined));
    const best = runs.reduce((a, b) => (b.msgs_per_s > a.msgs_per_s ? b : a));
    return {
      n,
      body_bytes: best.body_bytes,
      prefetch,
      queue_type: 'quorum',
      msgs_per_s: best.msgs_per_s,
      publish_confirmed_per_s: best.publish_confirmed_per_s,
      elapsed_ms: best.elapsed_ms,
      rounds: runs.map((r) => r.msgs_per_s),
      cores: best.cores,
    };
  } finally {
    await app.close();
    await deleteTopology([...declarer.declared.queues], [...declarer.declared.exchanges]);
  }
}

reportToParent(main);
