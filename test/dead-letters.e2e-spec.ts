import { randomUUID } from 'node:crypto';
import { publishRaw } from './support/broker';
import { DeadLetterBody, envelopeBytes } from './support/dead-letters-api';
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

  const envelope = envelopeBytes;

  it('retries a transient failure with growing delays, then parks it with its metadata', async () => {
    const order = await api.place([{ sku: 'DL-A', quantity: 1 }], 'tok_processingError');
    const [dl] = await waitFor(
      () => deadLetters(`queue=${q('billing.inventory-reserved')}`),
      (d) => d.some((x) => x.body.includes(order.id)),
      {
        what: 'the payment to be dead-lettered',
      },
    ).then((d) => d.filter((x) => x.body.includes(order.id)));
    expect(dl).toMatchObject({
      type: 'inventory.reserved',
      errorType: 'GatewayUnavailableError',
      permanent: false,
      attempts: 4,
      consumer: 'billing',
      originalExchange: q('orderflow.events'),
      originalRoutingKey: 'inventory.reserved',
      status: 'PARKED',
    });
    expect(dl.errorMessage).toContain('tok_processingError');
    expect(dl.errorStack).toContain('GatewayUnavailableError');
    expect(dl.host).toMatch(/:\d+$/);
    // 100 + 300 + 900 ms of backoff lie between the first and the last failure.
    expect(
      new Date(dl.lastFailedAt).getTime() - new Date(dl.firstFailedAt).getTime(),
    ).toBeGreaterThanOrEqual(1300);
    expect((await api.get(order.id)).status).toBe('STOCK_RESERVED');

    const one = (
      await t.http().get(`/dead-letters/${dl.id}`).set('Authorization', t.admin).expect(200)
    ).body;
    expect(one.id).toBe(dl.id);
  });

  it('parks a non-JSON message at once, without retries, and keeps running', async () => {
    const marker = `not json ${randomUUID()}`;
    await publishRaw(q('orderflow.events'), 'order.placed', Buffer.from(marker));
    const found = await waitFor(
      () => deadLetters(`queue=${q('inventory.order-placed')}`),
      (d) => d.some((x) => x.body === marker),
      {
        what: 'the poison message to be parked',
      },
    );
    const dls = found.filter((x) => x.body === marker);
    expect(dls).toHaveLength(1);
    expect(dls[0]).toMatchObject({
      errorType: 'MalformedMessageError',
      permanent: true,
      attempts: 1,
    });
    // Billing subscribes to order.placed too, and parks its own copy: one per queue.
    await waitFor(
      () => deadLetters(`queue=${q('billing.order-placed')}`),
      (d) => d.filter((x) => x.body === marker).length === 1,
      {
        what: "billing's copy to be parked",
      },
    );
    expect((await t.http().get('/health').expect(200)).body.status).toBe('ok');
    const next = await api.place([{ sku: 'DL-A', quantity: 1 }]);
    await api.waitForStatus(next.id, 'CONFIRMED');
  });

  it('parks a payload that breaks its contract, naming the field', async () => {
    const messageId = randomUUID();
    await publishRaw(
      q('orderflow.events'),
      'order.placed',
      envelope('order.placed', { orderId: 'not-a-uuid', items: [] }, messageId),
      { messageId },
    );
    const [dl] = await waitFor(
      () => deadLetters(`queue=${q('inventory.order-placed')}`),
      (d) => d.some((x) => x.messageId === messageId),
      {
        what: 'the invalid payload to be parked',
      },
    ).then((d) => d.filter((x) => x.messageId === messageId));
    expect(dl).toMatchObject({ errorType: 'ContractViolationError', permanent: true, attempts: 1 });
    expect(dl.errorMessage).toContain('orderId');
  });

  it('has one effect for a message delivered twice', async () => {
    await api.createProduct('DUP-A', 100, 10);
    const orderId = randomUUID();
    const messageId = randomUUID();
    const placed = envelope(
      'order.placed',
      {
        orderId,
        customerEmail: 'dup@example.com',
        items: [{ sku: 'DUP-A', name: 'Dup', quantity: 2, unitPrice: 100 }],
        total: 200,
        currency: 'EUR',
        paymentToken: 'tok_visa',
      },
      messageId,
    );
    await publishRaw(q('orderflow.events'), 'order.placed', placed, { messageId });
    await publishRaw(q('orderflow.events'), 'order.placed', placed, { messageId });
    await waitFor(
      async () => (await t.http().get(`/billing/invoices?orderId=${orderId}`)).body,
      (i: unknown[]) => i.length === 1,
      {
        what: 'the invoice',
      },
    );
    // Orders never saw this order, so nothing confirms it: the reservation stays, once.
    const product = await waitFor(
      () => api.product('DUP-A'),
      (p) => p.reserved > 0,
      { what: 'stock to be reserved' },
    );
    expect(product).toMatchObject({ available: 8, reserved: 2 });
    // Both deliveries consumed and acked by both consumers before counting side effects again.
    for (const queue of [q('inventory.order-placed'), q('billing.order-placed')]) {
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
    const queue = q('inventory.order-placed');
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const messageId of ids) {
      const bad = envelope('order.placed', { orderId: 'not-a-uuid', items: [] }, messageId);
      await publishRaw(q('orderflow.events'), 'order.placed', bad, { messageId });
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
    const byType = await deadLetters(`${mine}&type=order.placed`);
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
