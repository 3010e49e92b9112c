import {
  ChargePayment,
  CommitStock,
  RefundPayment,
  ReleaseStock,
  ReserveStock,
} from '../src/messaging/contracts';
import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import * as amqp from 'amqplib';
import fc from 'fast-check';
import { RabbitEventServer } from '../src/messaging/consumer/rabbit-event.server';
import { TopologyDeclarer } from '../src/messaging/topology/topology.declarer';
import { AMQP_URL, queueDepth } from './support/broker';
import { allDeadLetters, envelopeBytes } from './support/dead-letters-api';
import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const MESSAGES = Number(process.env.FUZZ_MESSAGES ?? 1000);
const ORDERS = 20;

type Kind = 'not-json' | 'not-envelope' | 'bad-payload' | 'wrong-type' | 'bad-header' | 'too-deep';
interface Fuzzed {
  kind: Kind;
  body: Buffer;
  headers: Record<string, unknown>;
}

/** Counter values our strict header reader must refuse (it accepts whole numbers 0..bound). */
const badCount = fc.oneof(
  fc.double({ min: -1e9, max: 1e9 }).filter((n) => !Number.isInteger(n) || n < 0),
  fc.integer({ max: -1 }),
  fc.integer({ min: 1001, max: 2 ** 31 - 1 }),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d+$/.test(s)),
  fc.constant({ nested: 'table' }),
);
/** Noise on every message: our own headers garbled, a forged x-death, arbitrary others. */
const noise = fc.record(
  {
    'of-first-failed-at': fc.string({ maxLength: 30 }),
    'of-original-queue': fc.string({ maxLength: 30 }),
    'x-death': fc.constantFrom([{ queue: 1, time: 'yesterday', count: 'x' }], 'not-a-list'),
    'fz-extra': fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean()),
  },
  { requiredKeys: [] },
);
const deep = fc
  .integer({ min: 33, max: 3000 })
  .map((d) => `{"orderId":"x","items":${'['.repeat(d)}${']'.repeat(d)}}`);

function message(type: string): fc.Arbitrary<Fuzzed> {
  const env = (payload: unknown, t = type) => envelopeBytes(t, payload);
  const of = (kind: Kind, body: fc.Arbitrary<Buffer>, headers = noise) =>
    fc.record({
      kind: fc.constant(kind),
      body,
      headers: headers as fc.Arbitrary<Record<string, unknown>>,
    });
  return fc.oneof(
    // A leading '}' makes any bytes after it invalid JSON.
    of(
      'not-json',
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([Buffer.from('}'), b])),
    ),
    of(
      'not-envelope',
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify({ wrapped: v }))),
    ),
    // orderId is never a UUID here, and ProductUpdated lacks its sku: no contract is met.
    of(
      'bad-payload',
      fc
        .dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 4 }))
        .map((p) => env({ ...p, orderId: 'not-a-uuid' })),
    ),
    of(
      'wrong-type',
      fc.jsonValue({ maxDepth: 3 }).map((p) => env({ p }, 'nobody.heard-of-it')),
    ),
    of(
      'bad-header',
      fc.constant(env({})),
      fc
        .tuple(fc.constantFrom('of-attempt', 'of-replay-count'), badCount, noise)
        .map(([k, v, n]) => ({ ...n, [k]: v })),
    ),
    of(
      'too-deep',
      deep.map((payload) =>
        Buffer.from(env({}).toString().replace('"payload":{}', `"payload":${payload}`)),
      ),
    ),
  );
}

/**
 * Publishes generated garbage into every queue of the app while real orders flow. Each bad
 * message must be parked exactly once with a reason, nothing may loop or disconnect, and every
 * real order must still be CONFIRMED.
 */
describe('Message fuzzer', () => {
  let t: TestApp;
  let api: OrdersApi;
  let disconnects = 0;

  beforeAll(async () => {
    t = await startTestApp({ RETRY_DELAYS_MS: '50,100,200' });
    t.app.get(AmqpConnection).managedConnection.on('disconnect', () => disconnects++);
    api = new OrdersApi(t);
    await api.createProduct('FZ-A', 100, 10_000);
  });

  afterAll(async () => {
    await t?.close();
  });

  it(`parks ${MESSAGES} generated bad messages once each while real orders complete`, async () => {
    const prefix = t.config.amqpNamePrefix;
    const queues = t.app.get(RabbitEventServer).queues.filter((q) => !q.endsWith('catalog.lookup'));
    // A command queue is named after its command; an event queue is <consumer>.<event-with-dashes>.
    const commands = [ReserveStock, ReleaseStock, CommitStock, ChargePayment, RefundPayment].map(
      (c) => c.type as string,
    );
    const typeOf = (queue: string) => {
      const name = queue.slice(prefix.length);
      return commands.includes(name) ? name : name.split('.')[1].replace('-', '.');
    };
    const plan = fc.sample(
      fc
        .constantFrom(...queues)
        .chain((queue) => message(typeOf(queue)).map((m) => ({ queue, ...m }))),
      { seed: SEED, numRuns: MESSAGES },
    );
    const kinds: Record<string, number> = {};
    for (const m of plan) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
    console.log(
      `message fuzzer: seed ${SEED}, ${plan.length} messages into ${queues.length} queues`,
      kinds,
    );

    const conn = await amqp.connect(AMQP_URL);
    const orders: string[] = [];
    try {
      const ch = await conn.createConfirmChannel();
      for (const [i, m] of plan.entries()) {
        ch.publish(`${prefix}orderflow.to-queue`, m.queue, m.body, {
          messageId: `fz-${SEED}-${i}`,
          headers: m.headers,
          persistent: true,
        });
        // Garbage for the request/reply queue too: answered or dropped, never fatal.
        if (i % 40 === 0)
          ch.sendToQueue(`${prefix}inventory.catalog.lookup`, m.body, { headers: m.headers });
        if (i % (MESSAGES / ORDERS) === 0)
          orders.push((await api.place([{ sku: 'FZ-A', quantity: 1 }])).id);
      }
      await ch.waitForConfirms();
    } finally {
      await conn.close();
    }

    const fuzzed = await waitFor(
      async () => (await allDeadLetters(t)).filter((d) => d.messageId?.startsWith(`fz-${SEED}-`)),
      (found) => found.length >= plan.length,
      { what: `${plan.length} fuzzed messages to be parked`, timeoutMs: 60_000 },
    );
    for (const id of orders) await api.waitForStatus(id, 'CONFIRMED');

    // Nothing loops: every queue drains, and each message was parked once, on its first failure.
    // A broadcast queue is exclusive to the app's connection: the broker answers no one else.
    const instance = t.app.get(TopologyDeclarer).instanceId;
    const shared = queues.filter((q) => !q.endsWith(instance));
    const names = t.app.get(TopologyDeclarer).names;
    const retries = t.config.retryDelaysMs.map((ms) => names.retryQueue(ms));
    await waitFor(
      async () =>
        Promise.all(
          [...shared, ...retries, `${prefix}orderflow.dead-letters`].map((q) => queueDepth(q)),
        ),
      (depths) => depths.every((d) => d === 0),
      { what: 'every queue to drain' },
    );
    const parked = (await allDeadLetters(t)).filter((d) => d.messageId?.startsWith(`fz-${SEED}-`));
    expect(parked).toHaveLength(plan.length);
    expect(new Set(parked.map((d) => d.messageId)).size).toBe(plan.length);
    for (const d of fuzzed) {
      const i = Number(d.messageId!.split('-').pop());
      expect({ queue: d.queue, attempts: d.attempts, permanent: d.permanent }).toEqual({
        queue: plan[i].queue,
        attempts: 1,
        permanent: true,
      });
      expect(d.errorMessage.length).toBeGreaterThan(10);
    }
    expect(disconnects).toBe(0);
    const health = (await t.http().get('/health').expect(200)).body;
    expect(health).toMatchObject({ status: 'ok', brokerConnected: true });
  });
});
