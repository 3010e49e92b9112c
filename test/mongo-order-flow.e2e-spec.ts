import { randomBytes } from 'node:crypto';
import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const uri = process.env.MONGODB_URI;
const required = process.env.MONGO_REQUIRED === '1';
const why = 'MONGODB_URI is not set (run `npm run test:mongo` where a replica set is reachable)';
if (!uri && !required) console.log(`Order flow on MongoDB SKIPPED: ${why}`);

/**
 * One order end to end on MongoDB (`npm run test:mongo`): every module in its own database,
 * the unit of work in real transactions, and the state still there after a restart.
 */
(uri || required ? describe : describe.skip)('Order flow on MongoDB', () => {
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('confirms an order, lists it, and keeps it across a restart', async () => {
    if (!uri) throw new Error(`No MongoDB: ${why}`);
    // Each module keeps its own orderflow_<module> database; a SKU of its own keeps runs apart.
    const sku = `MONGO-${randomBytes(4).toString('hex').toUpperCase()}`;
    const env = { MONGODB_URI: uri, SEED_DEMO_CATALOG: 'false' };
    t = await startTestApp(env);
    const api = new OrdersApi(t);
    await api.createProduct(sku, 1250, 3);
    const placed = await api.place([{ sku, quantity: 2 }]);
    await api.waitForStatus(placed.id, 'CONFIRMED');
    expect(await api.product(sku)).toMatchObject({ available: 1, reserved: 0 });
    const page = (await t.http().get('/orders').set('Authorization', t.admin).expect(200)).body;
    expect(page.items.map((o: { id: string }) => o.id)).toContain(placed.id);
    await t.stop();

    t = await startTestApp(env);
    const again = new OrdersApi(t);
    const kept = await waitFor(
      () => again.get(placed.id),
      (o) => o.status === 'CONFIRMED',
      { what: 'the order to be there after the restart' },
    );
    expect(kept.invoiceNumber).toMatch(/^INV-/);
  });
});
