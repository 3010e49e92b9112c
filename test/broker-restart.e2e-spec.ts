import { OrdersApi } from './support/orders-api';
import { PrivateNode } from './support/private-broker/private-node';
import { rabbitInstalled } from './support/private-broker/rabbit-tools';
import { describeWhen } from './support/requires';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import { waitFor } from './support/wait-for';

/**
 * Stops and starts a private node of the suite's own (never the shared broker on 5672); the
 * finally blocks bring it back whatever happens, and afterAll removes it.
 */
describeWhen(rabbitInstalled(), 'rabbitmq-server')('Nothing lost when the broker goes away', () => {
  let node: PrivateNode;
  let smtp: TestSmtpServer;
  let t: TestApp;
  let api: OrdersApi;

  beforeAll(async () => {
    node = await PrivateNode.start();
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({
      AMQP_URL: node.url(),
      SMTP_URL: smtp.url,
      RETRY_DELAYS_MS: '200,400,800',
    });
    api = new OrdersApi(t);
    await api.createProduct('RST-A', 300, 10_000);
    // Warm the orders read model so pricing needs no request/reply while the broker is down.
    await waitFor(
      () => api.place([{ sku: 'RST-A', quantity: 1 }]),
      (o) => o.status === 'PENDING',
      { what: 'a first order' },
    );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await node?.remove();
  });

  async function expectEachConfirmedOnce(ids: string[]): Promise<void> {
    for (const id of ids) await api.waitForStatus(id, 'CONFIRMED', 60_000);
    for (const id of ids) {
      const invoices = (await t.http().get(`/billing/invoices?orderId=${id}`).expect(200)).body;
      expect(invoices).toHaveLength(1);
    }
    await waitFor(
      async () => ids.filter((id) => smtp.mailsFor(id).length >= 1).length,
      (n) => n === ids.length,
      {
        timeoutMs: 60_000,
        what: 'one email per order',
      },
    );
    expect(ids.map((id) => smtp.mailsFor(id).length)).toEqual(ids.map(() => 1));
  }

  it('accepts orders while the broker is down and completes them after it returns', async () => {
    const ids: string[] = [];
    try {
      await node.stopApp();
      await waitFor(
        async () => (await t.http().get('/health')).body.brokerConnected,
        (c) => c === false,
        { what: 'the app to notice' },
      );
      for (let i = 0; i < 5; i++) ids.push((await api.place([{ sku: 'RST-A', quantity: 1 }])).id);
      // Not ready while the broker is away (503), and the view says what waits.
      expect((await t.http().get('/health').expect(503)).body.outboxPending).toBeGreaterThanOrEqual(
        5,
      );
      // A SKU the read model has never seen cannot be priced without the broker: 503, try later.
      const res = await t
        .http()
        .post('/orders')
        .send({
          customerEmail: 'a@b.co',
          items: [{ sku: 'NEVER-SEEN', quantity: 1 }],
          paymentToken: 'tok_visa',
        });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await node.startApp();
    }
    await expectEachConfirmedOnce(ids);
  });

  it('loses and duplicates nothing when the broker restarts under a stream of orders', async () => {
    const ids: string[] = [];
    let stop = false;
    const stream = (async () => {
      while (!stop) {
        ids.push((await api.place([{ sku: 'RST-A', quantity: 1 }])).id);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    let restartedAt = 0;
    try {
      await waitFor(
        async () => ids.length,
        (n) => n >= 20,
        { what: 'orders before the restart' },
      );
      await node.stopApp();
      await waitFor(
        async () => ids.length,
        (n) => n >= 40,
        { what: 'orders during the outage' },
      );
    } finally {
      await node.startApp();
      restartedAt = Date.now();
      await waitFor(
        async () => ids.length,
        (n) => n >= 60,
        { what: 'orders after the restart' },
      );
      stop = true;
      await stream;
    }
    await expectEachConfirmedOnce(ids);
    const recoveredMs = Date.now() - restartedAt;
    const product = await api.product('RST-A');
    // Every order took exactly one unit: nothing reserved twice, nothing left hanging.
    expect(product.reserved).toBe(0);
    expect(product.available).toBe(10_000 - 1 - ids.length - 5);
    console.log(
      `broker restart: ${ids.length} orders, 0 lost, 0 duplicated, all confirmed ${recoveredMs} ms after start_app`,
    );
  });
});
