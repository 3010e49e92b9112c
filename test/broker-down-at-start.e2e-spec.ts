import { PrivateNode } from './support/private-broker/private-node';
import { rabbitInstalled } from './support/private-broker/rabbit-tools';
import { describeWhen } from './support/requires';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** The app starts against a private node that is not running yet (never the shared broker). */
describeWhen(rabbitInstalled(), 'rabbitmq-server')('Starting while the broker is down', () => {
  let node: PrivateNode;

  beforeAll(async () => {
    // The test stops only its app (the AMQP port closes), as a broker that is not up yet.
    node = await PrivateNode.start();
  }, 120_000);

  afterAll(async () => {
    await node?.remove();
  });

  it('serves degraded, catches up when the broker returns, and shuts down cleanly either way', async () => {
    let t: TestApp | undefined;
    try {
      await node.stopApp();
      t = await startTestApp({ AMQP_URL: node.url() });
      // Not ready: an orchestrator routes no traffic here yet, but the process lives.
      const health = (await t.http().get('/health').expect(503)).body;
      expect(health).toMatchObject({ status: 'degraded', brokerConnected: false });
      await t.http().get('/health/ready').expect(503);
      await t.http().get('/health/live').expect(200);
      // Nothing to price with: the read model is empty and inventory cannot be asked.
      const res = await t
        .http()
        .post('/orders')
        .send({
          customerEmail: 'a@b.co',
          items: [{ sku: 'SKU-MUG', quantity: 1 }],
          paymentToken: 'tok_visa',
        });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await node.startApp();
    }
    const app = t!;
    try {
      await waitFor(
        async () => (await app.http().get('/health')).body,
        (h) => h.status === 'ok' && h.outboxPending === 0,
        {
          timeoutMs: 30_000,
          what: 'the app to reconnect and publish the seeded catalog',
        },
      );
      const placed = await app
        .http()
        .post('/orders')
        .send({
          customerEmail: 'a@b.co',
          items: [{ sku: 'SKU-MUG', quantity: 1 }],
          paymentToken: 'tok_visa',
        })
        .expect(202);
      await waitFor(
        async () => (await app.http().get(`/orders/${placed.body.id}`)).body.status,
        (s) => s === 'CONFIRMED',
        { what: 'the order' },
      );
    } finally {
      await app.close();
    }
  });
});
