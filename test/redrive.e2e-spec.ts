import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

interface Parked {
  body: string;
  status: string;
  replayCount: number;
}

describe('Scheduled re-drive of dead letters', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      APP_MODULES: 'orders,inventory,billing',
      RETRY_DELAYS_MS: '50',
      DLQ_REDRIVE_INTERVAL_MS: '200',
      DLQ_REDRIVE_MAX: '2',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('replays a parked message up to the cap, then leaves it parked', async () => {
    const api = new OrdersApi(t);
    await api.createProduct('RD-A', 100, 10);
    const order = await api.place([{ sku: 'RD-A', quantity: 1 }], 'tok_processingError');
    const queue = `${t.config.amqpNamePrefix}billing.charge-payment`;
    const trail = await waitFor(
      async () =>
        (
          (
            await t
              .http()
              .get(`/dead-letters?queue=${queue}`)
              .set('Authorization', t.admin)
              .expect(200)
          ).body.items as Parked[]
        ).filter((d) => d.body.includes(order.id)),
      (d) => d.some((x) => x.status === 'PARKED' && x.replayCount === 2),
      { what: 'the third parking' },
    );
    // Each record counts the replays of its message so far: replayed at 0 and 1, parked for good at 2.
    expect(trail).toHaveLength(3);
    expect(
      trail
        .filter((d) => d.status === 'REPLAYED')
        .map((d) => d.replayCount)
        .sort(),
    ).toEqual([1, 2]);
    expect(trail.filter((d) => d.status === 'PARKED').map((d) => d.replayCount)).toEqual([2]);
  });
});
