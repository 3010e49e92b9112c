import { randomUUID } from 'node:crypto';
import { publishRaw } from './support/broker';
import { DeadLetterBody, commandBytes } from './support/dead-letters-api';
import { OrdersApi } from './support/orders-api';
import { expectProblem } from './support/problem';
import { queueBacklog } from './support/rabbitmqctl';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import { waitFor } from './support/wait-for';

interface DeadLetter extends DeadLetterBody {
  errorStack?: string;
  consumer?: string;
  host?: string;
  originalExchange?: string;
  originalRoutingKey?: string;
  firstFailedAt: string;
  lastFailedAt: string;
  body: string;
}

describe('Retries, dead letters and replay', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let api: OrdersApi;
  const q = (name: string) => `${t.config.amqpNamePrefix}${name}`;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({ SMTP_URL: smtp.url, RETRY_DELAYS_MS: '100,300,900' });
    api = new OrdersApi(t);
    await api.createProduct('DL-A', 1000, 1000);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  async function deadLetters(query: string): Promise<DeadLetter[]> {
    return (await t.http().get(`/dead-letters?${query}`).set('Authorization', t.admin).expect(200))
      .body.items;
  }

  it('retries a transient failure with growing delays, then parks it with its metadata', async () => {
    const order = await api.place([{ sku: 'DL-A', quantity: 1 }], 'tok_processingError');
    const [dl] = await waitFor(
      () => deadLetters(`queue=${q('billing.charge-payment')}`),
      (d) => d.some((x) => x.body.includes(order.id)),
      {
        what: 'the payment to be dead-lettered',
      },
    ).then((d) => d.filter((x) => x.body.includes(order.id)));
    expect(dl).toMatchObject({
      type: 'billing.charge-payment',
      errorType: 'GatewayUnavailableError',
      permanent: false,
      attempts: 4,
      consumer: 'billing',
      // A command: sent point to point, and parked with the exchange and key it was sent on.
      originalExchange: q('orderflow.commands'),
      originalRoutingKey: 'billing.charge-payment',
      status: 'PARKED',
    });
    expect(dl.errorMessage).toContain('tok_processingError');
    expect(dl.errorStack).toContain('GatewayUnavailableError');
    expect(dl.host).toMatch(/:\d+$/);
    // 100 + 300 + 900 ms of backoff lie between the first and the last failure.
    expect(
      new Date(dl.lastFailedAt).getTime() - new Date(dl.firstFailedAt).getTime(),
    ).toBeGreaterThanOrEqual(1300);
    // Parked is not settled: the order still waits for its payment (until its due time).
    expect(await api.get(order.id)).toMatchObject({
      status: 'STOCK_RESERVED',
      step: 'awaiting-payment',
    });

    const one = (
      await t.http().get(`/dead-letters/${dl.id}`).set('Authorization', t.admin).expect(200)
    ).body;
    expect(one.id).toBe(dl.id);
  });

  it('parks a non-JSON message at once, without retries, once per queue, and keeps running', async () => {
    const marker = `not json ${randomUUID()}`;
    const since = encodeURIComponent(new Date().toISOString());
    // A command reaches its one module's queue; an event, each queue bound for it. Each queue that
    // took the poison parks its own copy: one record per queue, none for a queue that never had it.
    await publishRaw(q('orderflow.commands'), 'inventory.reserve-stock', Buffer.from(marker));
    await publishRaw(q('orderflow.events'), 'inventory.reserved', Buffer.from(marker));
    const poisoned = async () =>
      (await deadLetters(`since=${since}&limit=100`)).filter((x) => x.body === marker);
    const dls = await waitFor(poisoned, (d) => d.length >= 2, {
      what: 'the poison message to be parked by both queues',
    });
    expect(dls.map((d) => d.queue).sort()).toEqual([
      q('inventory.reserve-stock'),
      q('orders.inventory-reserved'),
    ]);
    for (const dl of dls) {
      expect(dl).toMatchObject({
        errorType: 'MalformedMessageError',
        permanent: true,
        attempts: 1,
      });
    }
    expect((await t.http().get('/health').expect(200)).body.status).toBe('ok');
    const next = await api.place([{ sku: 'DL-A', quantity: 1 }]);
    await api.waitForStatus(next.id, 'CONFIRMED');
    // A whole order later: still one record per queue, nothing retried or parked again.
    expect((await poisoned()).map((d) => d.id).sort()).toEqual(dls.map((d) => d.id).sort());
  });

  it('parks a payload that breaks its contract, naming the field', async () => {
    const messageId = randomUUID();
    await publishRaw(
      q('orderflow.commands'),
      'inventory.reserve-stock',
      commandBytes('inventory.reserve-stock', { orderId: 'not-a-uuid', items: [] }, messageId),
      { messageId },
    );
    const [dl] = await waitFor(
      () => deadLetters(`queue=${q('inventory.reserve-stock')}`),
      (d) => d.some((x) => x.messageId === messageId),
      {
        what: 'the invalid payload to be parked',
      },
    ).then((d) => d.filter((x) => x.messageId === messageId));
    expect(dl).toMatchObject({ errorType: 'ContractViolationError', permanent: true, attempts: 1 });
    expect(dl.errorMessage).toContain('orderId');
  });

  it('has one effect for a command delivered twice', async () => {
    await api.createProduct('DUP-A', 100, 10);
    const orderId = randomUUID();
    const reserveId = randomUUID();
    const chargeId = randomUUID();
    const reserve = commandBytes(
      'inventory.reserve-stock',
      { orderId, items: [{ sku: 'DUP-A', quantity: 2 }] },
      reserveId,
    );
    const charge = commandBytes(
      'billing.charge-payment',
      {
        orderId,
        customerEmail: 'dup@example.com',
        items: [{ sku: 'DUP-A', name: 'Dup', quantity: 2, unitPrice: 100 }],
        amount: 200,
        currency: 'EUR',
        paymentToken: 'tok_visa',
      },
      chargeId,
    );
    for (let i = 0; i < 2; i++) {
      const commands = q('orderflow.commands');
      await publishRaw(commands, 'inventory.reserve-stock', reserve, { messageId: reserveId });
      await publishRaw(commands, 'billing.charge-payment', charge, { messageId: chargeId });
    }
    await waitFor(
      async () => (await t.http().get(`/billing/invoices?orderId=${orderId}`)).body,
      (i: unknown[]) => i.length === 1,
      {
        what: 'the invoice',
      },
    );
    // Orders never saw this order, so nothing commits it: the reservation stays, once.
    const product = await waitFor(
      () => api.product('DUP-A'),
      (p) => p.reserved > 0,
      { what: 'stock to be reserved' },
    );
    expect(product).toMatchObject({ available: 8, reserved: 2 });
    // Both deliveries of each command consumed and acked before counting side effects again.
    for (const queue of [q('inventory.reserve-stock'), q('billing.charge-payment')]) {
      await waitFor(
        () => queueBacklog(queue),
        (n) => n === 0,
        { what: `${queue} to settle` },
      );
    }
    expect(
      (await t.http().get(`/billing/invoices?orderId=${orderId}`).expect(200)).body,
    ).toHaveLength(1);
    expect(await api.product('DUP-A')).toMatchObject({ available: 8, reserved: 2 });
  });

  it('parks emails while SMTP is down and sends each exactly once on replay', async () => {
    const port = smtp.port;
    await smtp.stop();
    const orders = [
      await api.place([{ sku: 'DL-A', quantity: 1 }], 'tok_visa', 'outage1@example.com'),
      await api.place([{ sku: 'DL-A', quantity: 1 }], 'tok_visa', 'outage2@example.com'),
    ];
    for (const o of orders) await api.waitForStatus(o.id, 'CONFIRMED');
    const queue = q('notifications.order-confirmed');
    const parked = await waitFor(
      () => deadLetters(`queue=${queue}&status=PARKED`),
      (d) => orders.every((o) => d.some((x) => x.body.includes(o.id))),
      {
        what: 'both emails to be parked',
      },
    );
    expect(
      parked
        .filter((d) => orders.some((o) => d.body.includes(o.id)))
        .every((d) => d.attempts === 4 && d.errorType === 'MailDeliveryTransientError'),
    ).toBe(true);
    const log = (await t.http().get(`/notifications?orderId=${orders[0].id}`).expect(200)).body;
    expect(log[0].status).toBe('PENDING');
    expect(log[0].attempts).toHaveLength(4);

    await smtp.start(port);
    const [first] = parked.filter((d) => d.body.includes(orders[0].id));
    await t
      .http()
      .post(`/dead-letters/${first.id}/replay`)
      .set('Authorization', t.admin)
      .expect(200);
    expectProblem(
      await t.http().post(`/dead-letters/${first.id}/replay`).set('Authorization', t.admin),
      409,
      'DEAD_LETTERS.NOT_PARKED',
    );
    const bulk = await t
      .http()
      .post('/dead-letters/replay')
      .set('Authorization', t.admin)
      .send({ queue, limit: 10, ratePerSecond: 50 })
      .expect(200);
    // The first was replayed by hand; only the second is still parked.
    expect(bulk.body.replayed).toBe(1);

    for (const o of orders) {
      await waitFor(
        async () => smtp.mailsFor(o.id).length,
        (n) => n >= 1,
        { what: `the email for ${o.id}` },
      );
    }
    await waitFor(
      async () => (await t.http().get(`/notifications?orderId=${orders[1].id}`)).body[0]?.status,
      (s) => s === 'SENT',
      { what: 'SENT' },
    );
    expect(orders.map((o) => smtp.mailsFor(o.id).length)).toEqual([1, 1]);
  });

  it('lists, filters and deletes dead letters, behind the admin key', async () => {
    expectProblem(await t.http().get('/dead-letters'), 401, 'AUTH.UNAUTHORIZED');
    // Rows of its own: three contract violations parked from one queue after `since`.
    const since = new Date().toISOString();
    const queue = q('inventory.reserve-stock');
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const messageId of ids) {
      const type = 'inventory.reserve-stock';
      const bad = commandBytes(type, { orderId: 'not-a-uuid', items: [] }, messageId);
      await publishRaw(q('orderflow.commands'), type, bad, { messageId });
    }
    const mine = `queue=${queue}&since=${encodeURIComponent(since)}`;
    await waitFor(
      () => deadLetters(mine),
      (d) => ids.every((id) => d.some((x) => x.messageId === id)),
      { what: 'the three messages to be parked' },
    );
    const page = (
      await t.http().get(`/dead-letters?${mine}&limit=2`).set('Authorization', t.admin).expect(200)
    ).body;
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(3);
    const byType = await deadLetters(`${mine}&type=inventory.reserve-stock`);
    expect(byType.map((d) => d.messageId).sort()).toEqual([...ids].sort());
    expect(await deadLetters(`${mine}&type=inventory.reserved`)).toEqual([]);
    const future = await deadLetters(`since=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(future).toEqual([]);

    const victim = page.items[0] as DeadLetter;
    await t.http().delete(`/dead-letters/${victim.id}`).set('Authorization', t.admin).expect(204);
    expectProblem(
      await t.http().get(`/dead-letters/${victim.id}`).set('Authorization', t.admin),
      404,
      'DEAD_LETTERS.NOT_FOUND',
    );
    expect((await deadLetters(mine)).map((d) => d.id)).not.toContain(victim.id);
    expect(await deadLetters(mine)).toHaveLength(2);
  });
});
