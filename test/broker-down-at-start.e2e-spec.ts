import { startBroker, stopBroker } from './support/rabbitmqctl';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

describe('Starting while the broker is down', () => {
  it('serves degraded, catches up when the broker returns, and shuts down cleanly either way', async () => {
    let t: TestApp | undefined;
    try {
      await stopBroker();
      t = await startTestApp();
      const health = (await t.http().get('/health').expect(200)).body;
      expect(health).toMatchObject({ status: 'degraded', brokerConnected: false });
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
      await startBroker();
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
