import { randomBytes } from 'node:crypto';
import { AppProcess, buildDist } from './support/app-process';
import { AMQP_URL } from './support/broker';
import { ADMIN_KEY } from './support/test-app';
import { deleteAppTopology } from './support/app-topology';
import { MODULE_QUEUES } from './support/module-queues';
import { TestSmtpServer } from './support/test-smtp-server';
import { expectProblem } from './support/problem';
import { waitFor } from './support/wait-for';

interface Order {
  id: string;
  status: string;
  items: Array<{ unitPrice: number }>;
}

/**
 * Separate Node processes against the real broker: orders; inventory + billing; notifications x2.
 * Builds the app first: the processes run dist/main.js exactly as a container would.
 */
describe('Modules as separate processes', () => {
  const prefix = `s${randomBytes(4).toString('hex')}.`;
  let smtp: TestSmtpServer;
  let orders: AppProcess;
  let stock: AppProcess;
  let mailerA: AppProcess;
  let mailerB: AppProcess | undefined;
  let mailerEnv: Record<string, string>;

  beforeAll(async () => {
    await buildDist();
    smtp = await new TestSmtpServer().start();
    const env = {
      NODE_ENV: 'test',
      AMQP_URL,
      AMQP_NAME_PREFIX: prefix,
      ADMIN_API_KEY: ADMIN_KEY,
      SMTP_URL: smtp.url,
      RETRY_DELAYS_MS: '100,200,400',
      CONSUMER_PREFETCH: '5',
    };
    stock = await AppProcess.start('inventory+billing', {
      ...env,
      APP_MODULES: 'inventory,billing',
    });
    orders = await AppProcess.start('orders', { ...env, APP_MODULES: 'orders' });
    mailerA = await AppProcess.start('notifications-a', { ...env, APP_MODULES: 'notifications' });
    mailerEnv = { ...env, APP_MODULES: 'notifications' };
  }, 120_000);

  afterAll(async () => {
    await Promise.all([orders, stock, mailerA, mailerB].map((p) => p?.kill()));
    await smtp?.stop();
    await deleteAppTopology(prefix);
  });

  /** The queues a process said it consumes, without the prefix. */
  function consumed(p: AppProcess): string[] {
    const line = /Consuming \d+ queues: [^\n]*/.exec(p.log)?.[0] ?? '';
    const name = new RegExp(`${prefix.replace(/\./g, '\\.')}([\\w.-]+)`, 'g');
    return [...line.matchAll(name)].map((m) => m[1]).sort();
  }

  it('loads only the modules each process is given', async () => {
    expectProblem(await orders.http().get('/inventory/products'), 404, 'ROUTE.NOT_FOUND');
    expectProblem(await stock.http().get('/orders'), 404, 'ROUTE.NOT_FOUND');
    expectProblem(await mailerA.http().get('/orders'), 404, 'ROUTE.NOT_FOUND');
    expect((await orders.http().get('/health').expect(200)).body.modules).toEqual(['orders']);
    const docs = (await orders.http().get('/docs-json').expect(200)).body;
    expect(Object.keys(docs.paths).some((p) => p.startsWith('/inventory'))).toBe(false);
    expect(orders.log).toMatch(/Modules loaded: orders/);
    // The new orders instance took the whole catalog from inventory before any event.
    expect(orders.log).toMatch(/Catalog snapshot loaded: 12 products/);
  });

  it('consumes in each process only the queues of its own modules', () => {
    // Broadcast queues are their instance's own: every orders process gets every price change
    // (its read model), every inventory process every product change (its cache).
    const broadcast = (n: string) =>
      n.startsWith('orders.inventory-product-updated.') || n.startsWith('inventory.product-updated.');
    expect(consumed(orders).filter(broadcast)).toHaveLength(1);
    expect(consumed(orders).filter((n) => !broadcast(n))).toEqual([...MODULE_QUEUES.orders].sort());
    expect(consumed(stock).filter(broadcast)).toHaveLength(1);
    expect(consumed(stock).filter((n) => !broadcast(n))).toEqual(
      [...MODULE_QUEUES.inventory, ...MODULE_QUEUES.billing].sort(),
    );
    expect(consumed(mailerA)).toEqual([...MODULE_QUEUES.notifications].sort());
  });

  it('completes a batch across processes, and survives a SIGKILLed mailer replaced by another', async () => {
    await stock
      .http()
      .put('/inventory/products/SPLIT-A')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .send({ name: 'Split', price: 500, stock: 1000 })
      .expect(200);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await orders
        .http()
        .post('/orders')
        .send({
          customerEmail: `split${i}@example.com`,
          items: [{ sku: 'SPLIT-A', quantity: 1 }],
          paymentToken: 'tok_visa',
        });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
      if (i === 30) {
        await waitFor(
          async () => mailerA.count(/Sent order-confirmed email/) > 0,
          (ok) => ok,
          { what: 'the first mailer to send mail' },
        );
        await mailerA.kill('SIGKILL');
        // In memory, one notifications process at a time: the broker drops the killed one's
        // connection, and its instance lock with it, so the replacement starts.
        mailerB = await AppProcess.start('notifications-b', mailerEnv);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    try {
      for (const id of ids) {
        await waitFor(
          async () => ((await orders.http().get(`/orders/${id}`)).body as Order).status,
          (s) => s === 'CONFIRMED',
          {
            timeoutMs: 30_000,
            what: `order ${id}`,
          },
        );
      }
    } catch (error) {
      const id = /order ([0-9a-f-]{36})/.exec((error as Error).message)?.[1] ?? '';
      const trace = [orders, stock, mailerA, ...(mailerB ? [mailerB] : [])].flatMap((p) =>
        p.log
          .split('\n')
          .filter((l) => l.includes(id) || /WARN|ERROR/.test(l))
          .map((l) => `${p.name}: ${l}`),
      );
      throw new Error(`${(error as Error).message}\n${trace.slice(-40).join('\n')}`);
    }
    await waitFor(
      async () => ids.filter((id) => smtp.mailsFor(id).length > 0).length,
      (n) => n === ids.length,
      { timeoutMs: 30_000, what: 'an email per order' },
    );
    // Lost: none. Doubled: none — a resend after the kill would carry the same Message-ID.
    for (const id of ids) {
      const distinct = new Set(smtp.mailsFor(id).map((m) => m.parsed.messageId));
      expect(distinct).toEqual(new Set([`<order-confirmed.${id}@orderflow>`]));
    }
    const deliveries = ids.reduce((n, id) => n + smtp.mailsFor(id).length, 0);
    console.log(
      `split: ${ids.length} orders, mailer A sent ${mailerA.count(/Sent order-confirmed email/)} before SIGKILL, its replacement B ${mailerB!.count(/Sent order-confirmed email/)}; ${deliveries} SMTP deliveries`,
    );
    const product = (await stock.http().get('/inventory/products').expect(200)).body.find(
      (p: { sku: string }) => p.sku === 'SPLIT-A',
    );
    expect(product).toMatchObject({ available: 1000 - ids.length, reserved: 0 });
  });

  it('prices the next order with a new price within two seconds', async () => {
    await stock
      .http()
      .put('/inventory/products/SPLIT-A')
      .set('Authorization', `Bearer ${ADMIN_KEY}`)
      .send({ price: 777 })
      .expect(200);
    const changedAt = Date.now();
    await waitFor(
      async () =>
        (
          (
            await orders
              .http()
              .post('/orders')
              .send({
                customerEmail: 'p@example.com',
                items: [{ sku: 'SPLIT-A', quantity: 1 }],
                paymentToken: 'tok_visa',
              })
              .expect(202)
          ).body as Order
        ).items[0].unitPrice,
      (price) => price === 777,
      // How fast is the bench's job (catalog_propagation); here only that it arrives.
      { intervalMs: 100, what: 'the new price' },
    );
    console.log(`split: price change reached the orders process in ${Date.now() - changedAt} ms`);
  });
});
