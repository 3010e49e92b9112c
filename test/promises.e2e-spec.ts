import * as amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { AMQP_URL } from './support/broker';
import { LogCapture } from './support/log-capture';
import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

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

  it('carries the HTTP X-Correlation-Id in every event of the flow it started', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const conn = await amqp.connect(AMQP_URL);
    const seen: Array<{ type: string; correlationId: string; orderId?: string }> = [];
    try {
      const ch = await conn.createChannel();
      const { queue } = await ch.assertQueue('', { exclusive: true });
      await ch.bindQueue(queue, `${t.config.amqpNamePrefix}orderflow.events`, '#');
      await ch.consume(
        queue,
        (msg) => {
          if (!msg) return;
          const e = JSON.parse(msg.content.toString());
          seen.push({ type: e.type, correlationId: e.correlationId, orderId: e.payload?.orderId });
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
      const flow = ['order.placed', 'inventory.reserved', 'payment.succeeded', 'order.confirmed'];
      const events = await waitFor(
        async () => seen.filter((e) => e.orderId === res.body.id),
        (es) => flow.every((type) => es.some((e) => e.type === type)),
        { what: 'every event of the order flow' },
      );
      expect(events.map((e) => e.correlationId)).toEqual(events.map(() => correlationId));

      // Each module that handled the flow logged it under the same id an operator greps for.
      const handlers = [
        'PlaceOrderUseCase',
        'StockUseCases',
        'PaymentUseCases',
        'OrderLifecycleService',
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
