import * as amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { AMQP_URL } from './support/broker';
import { LogCapture } from './support/log-capture';
import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Seen {
  messageId: string;
  type: string;
  kind?: string;
  correlationId: string;
  causationId?: string;
  orderId?: string;
}

/** A confirmed order's messages, in order: commands orders sends, outcomes and the announcement. */
const FLOW = [
  'inventory.reserve-stock',
  'inventory.reserved',
  'billing.charge-payment',
  'payment.succeeded',
  'inventory.commit-stock',
  'order.confirmed',
];
const COMMANDS = ['inventory.reserve-stock', 'billing.charge-payment', 'inventory.commit-stock'];
/** Each message of the flow, and the message whose handling sent it. */
const CAUSED_BY: Record<string, string> = {
  'inventory.reserved': 'inventory.reserve-stock',
  'billing.charge-payment': 'inventory.reserved',
  'payment.succeeded': 'billing.charge-payment',
  'inventory.commit-stock': 'payment.succeeded',
  'order.confirmed': 'payment.succeeded',
};

/** Promises of the README that only a concurrent or cross-module test can break. */
describe('Promises across requests and modules', () => {
  let t: TestApp;
  let api: OrdersApi;
  const logs = new LogCapture();

  beforeAll(async () => {
    t = await startTestApp({}, { logger: logs });
    api = new OrdersApi(t);
    await api.createProduct('PR-A', 100, 1000);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives five concurrent identical POSTs with one Idempotency-Key one order', async () => {
    const key = randomUUID();
    const body = {
      customerEmail: 'race@example.com',
      items: [{ sku: 'PR-A', quantity: 1 }],
      paymentToken: 'tok_visa',
    };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http().post('/orders').set('Idempotency-Key', key).send(body),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    await api.waitForStatus(answers[0].body.id, 'CONFIRMED');
    const list = await t.http().get('/orders?limit=100').set('Authorization', t.admin).expect(200);
    const mine = (list.body.items as Array<{ id: string; customerEmail: string }>).filter(
      (o) => o.customerEmail === 'race@example.com',
    );
    expect(mine.map((o) => o.id)).toEqual([answers[0].body.id]);
    expect((await api.product('PR-A')).reserved + (await api.product('PR-A')).available).toBe(999);
  });

  it('carries the HTTP X-Correlation-Id in every message of the flow, each caused by the one before', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const conn = await amqp.connect(AMQP_URL);
    const seen: Seen[] = [];
    try {
      const ch = await conn.createChannel();
      const { queue } = await ch.assertQueue('', { exclusive: true });
      const prefix = t.config.amqpNamePrefix;
      await ch.bindQueue(queue, `${prefix}orderflow.events`, '#');
      // The commands exchange is direct: one binding per command of the flow.
      for (const type of FLOW.filter((f) => COMMANDS.includes(f)))
        await ch.bindQueue(queue, `${prefix}orderflow.commands`, type);
      await ch.consume(
        queue,
        (msg) => {
          if (!msg) return;
          const e = JSON.parse(msg.content.toString());
          seen.push({ ...e, orderId: e.payload?.orderId });
        },
        { noAck: true },
      );
      const res = await t
        .http()
        .post('/orders')
        .set('X-Correlation-Id', correlationId)
        .send({
          customerEmail: 'corr@example.com',
          items: [{ sku: 'PR-A', quantity: 1 }],
          paymentToken: 'tok_visa',
        })
        .expect(202);
      const messages = await waitFor(
        async () => seen.filter((e) => e.orderId === res.body.id),
        (es) => FLOW.every((type) => es.some((e) => e.type === type)),
        { what: 'every message of the order flow' },
      );
      expect(messages.map((e) => e.correlationId)).toEqual(messages.map(() => correlationId));
      // Causation links each message to the one whose handling sent it: a trace, not a bag.
      const of = (type: string) => messages.find((e) => e.type === type)!;
      expect(of('inventory.reserve-stock').causationId).toBeUndefined();
      for (const [type, cause] of Object.entries(CAUSED_BY))
        expect({ type, causationId: of(type).causationId }).toEqual({
          type,
          causationId: of(cause).messageId,
        });
      expect(COMMANDS.map((c) => of(c).kind)).toEqual(COMMANDS.map(() => 'command'));

      // Each module that handled the flow logged it under the same id an operator greps for.
      const handlers = [
        'PlaceOrderUseCase',
        'StockUseCases',
        'PaymentUseCases',
        'OrderProcessService',
        'SendOrderEmailUseCase',
      ];
      const lines = await waitFor(
        async () => logs.lines.filter((l) => l.text.includes(res.body.id)),
        (ls) => handlers.every((h) => ls.some((l) => l.context === h)),
        { what: 'a log line about the order from every module that handled it' },
      );
      for (const h of handlers) {
        const mine = lines.filter((l) => l.context === h);
        expect(mine.map((l) => l.text)).toEqual(
          mine.map(() => expect.stringContaining(`[cid=${correlationId}]`)),
        );
      }
    } finally {
      await conn.close();
    }
  });
});
