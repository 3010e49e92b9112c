import { randomUUID } from 'node:crypto';
import { OrdersApi } from './support/orders-api';
import { expectProblem } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import { waitFor } from './support/wait-for';

interface Entry {
  at: string;
  direction: 'published' | 'handled';
  type: string;
  messageId: string;
  module: string;
  process: string;
  queue?: string;
  exchange?: string;
  attempt: number;
  replay?: number;
  outcome: string;
  error?: string;
  email?: { to: string; subject: string };
}

interface Timeline {
  orderId: string;
  journal: string;
  entries: Entry[];
}

const line = (e: Entry): string => `${e.direction} ${e.type} by ${e.module}: ${e.outcome}`;

describe('Order timeline', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let api: OrdersApi;
  const name = (queueOrExchange: string) => `${t.config.amqpNamePrefix}${queueOrExchange}`;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({ SMTP_URL: smtp.url });
    api = new OrdersApi(t);
    await api.createProduct('TL-A', 1500, 100);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  async function timeline(id: string): Promise<Timeline> {
    const res = await t.http().get(`/orders/${id}/timeline`).set('Authorization', t.admin);
    if (res.status !== 200) throw new Error(`timeline answered ${res.status}`);
    return res.body as Timeline;
  }

  /** Each handled message was published before, in the listing too. */
  function expectCausalOrder(entries: Entry[]): void {
    entries.forEach((e, i) => {
      if (e.direction !== 'handled') return;
      const published = entries.findIndex(
        (p) => p.direction === 'published' && p.messageId === e.messageId,
      );
      expect([line(e), published >= 0 && published < i]).toEqual([line(e), true]);
    });
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort());
  }

  it('lists every message of a confirmed order in order, with modules, queues and the email', async () => {
    const placed = await api.place([{ sku: 'TL-A', quantity: 1 }]);
    await api.waitForStatus(placed.id, 'CONFIRMED');
    const tl = await waitFor(
      () => timeline(placed.id),
      // Six messages, each published then handled; a publish is journaled on its confirm, which
      // may come after the delivery's own entry.
      (x) => x.entries.length >= 12,
      { what: 'every delivery of the order in its timeline' },
    );

    expect(tl.orderId).toBe(placed.id);
    // One app runs every module: this process's journal holds the whole flow.
    expect(tl.journal).toBe('this process');
    expect(tl.entries.map(line).slice(0, 8)).toEqual([
      'published inventory.reserve-stock by orders: published',
      'handled inventory.reserve-stock by inventory: handled',
      'published inventory.reserved by inventory: published',
      'handled inventory.reserved by orders: handled',
      'published billing.charge-payment by orders: published',
      'handled billing.charge-payment by billing: handled',
      'published payment.succeeded by billing: published',
      'handled payment.succeeded by orders: handled',
    ]);
    // After the payment, orders sends two messages that are handled concurrently.
    expect(tl.entries.map(line).slice(8).sort()).toEqual([
      'handled inventory.commit-stock by inventory: handled',
      'handled order.confirmed by notifications: handled',
      'published inventory.commit-stock by orders: published',
      'published order.confirmed by orders: published',
    ]);
    expectCausalOrder(tl.entries);

    const [first, handled] = tl.entries;
    expect(first).toMatchObject({ exchange: name('orderflow.commands'), attempt: 0 });
    expect(first.queue).toBeUndefined();
    expect(handled).toMatchObject({ queue: name('inventory.reserve-stock'), attempt: 0 });
    expect(handled.process).toMatch(/-\d+-[0-9a-f]{4}$/);
    expect(new Set(tl.entries.map((e) => e.process)).size).toBe(1);

    const mailed = tl.entries.find(
      (e) => e.type === 'order.confirmed' && e.direction === 'handled',
    );
    expect(mailed?.email).toEqual({
      to: 'ada@example.com',
      subject: expect.stringContaining(`#${placed.id.slice(0, 6).toUpperCase()}`),
    });
    expect(tl.entries.filter((e) => e.email)).toHaveLength(1);
  });

  it('shows retries, the dead letter and its replay', async () => {
    const placed = await api.place([{ sku: 'TL-A', quantity: 1 }], 'tok_processingError');
    // RETRY_DELAYS_MS=100,200,400: three retries, then the fourth failure parks it.
    const parked = await waitFor(
      () => timeline(placed.id),
      (x) => x.entries.some((e) => e.outcome === 'dead-lettered'),
      { what: 'the charge to be dead-lettered in the timeline' },
    );
    const charges = parked.entries.filter(
      (e) => e.type === 'billing.charge-payment' && e.direction === 'handled',
    );
    expect(charges.map((e) => [e.attempt, e.outcome])).toEqual([
      [0, 'retried'],
      [1, 'retried'],
      [2, 'retried'],
      [3, 'dead-lettered'],
    ]);
    expect(charges[0].error).toContain('tok_processingError');
    expect(charges.every((e) => e.queue === name('billing.charge-payment'))).toBe(true);
    expectCausalOrder(parked.entries);

    const dl = await waitFor(
      async () =>
        (
          await t
            .http()
            .get(`/dead-letters?queue=${name('billing.charge-payment')}`)
            .set('Authorization', t.admin)
            .expect(200)
        ).body.items as Array<{ id: string; body: string }>,
      (items) => items.some((d) => d.body.includes(placed.id)),
      { what: 'the dead letter' },
    ).then((items) => items.find((d) => d.body.includes(placed.id))!);
    await t.http().post(`/dead-letters/${dl.id}/replay`).set('Authorization', t.admin).expect(200);

    const replayed = await waitFor(
      () => timeline(placed.id),
      (x) => x.entries.some((e) => e.replay === 1 && e.direction === 'handled'),
      { what: 'the replayed charge to be handled again' },
    );
    const replay = replayed.entries.find((e) => e.outcome === 'replayed');
    expect(replay).toMatchObject({
      direction: 'published',
      type: 'billing.charge-payment',
      module: 'dead-letters',
      queue: name('billing.charge-payment'),
      replay: 1,
    });
    const after = replayed.entries.slice(replayed.entries.indexOf(replay!) + 1);
    expect(after.find((e) => e.replay === 1)).toMatchObject({
      direction: 'handled',
      module: 'billing',
      attempt: 0,
      outcome: 'retried',
    });
  });

  it('is for admins only', async () => {
    const placed = await api.place([{ sku: 'TL-A', quantity: 1 }]);
    expectProblem(await t.http().get(`/orders/${placed.id}/timeline`), 401, 'AUTH.UNAUTHORIZED');
    const wrong = await t
      .http()
      .get(`/orders/${placed.id}/timeline`)
      .set('Authorization', 'Bearer not-the-key');
    expectProblem(wrong, 401, 'AUTH.UNAUTHORIZED');

    const docs = (await t.http().get('/docs-json').expect(200)).body;
    const op = docs.paths['/orders/{id}/timeline'].get;
    expect(op.security).toEqual([{ 'admin-api-key': [] }]);
    expect(op.tags).toEqual(['orders']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '404']));
  });

  it('answers 404 for an order that does not exist, 400 for an id that is not one', async () => {
    const unknown = await t
      .http()
      .get(`/orders/${randomUUID()}/timeline`)
      .set('Authorization', t.admin);
    expectProblem(unknown, 404, 'ORDERS.NOT_FOUND');
    const bad = await t.http().get('/orders/nope/timeline').set('Authorization', t.admin);
    expect(bad.status).toBe(400);
  });
});
