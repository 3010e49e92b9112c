import { OrdersApi } from './support/orders-api';
import { expectProblem } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import { waitFor } from './support/wait-for';

describe('Order flow over HTTP and the real broker', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let api: OrdersApi;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({ SMTP_URL: smtp.url });
    api = new OrdersApi(t);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('confirms a paid order, issues one invoice and emails the customer', async () => {
    await api.createProduct('E2E-MUG', 1250, 10);
    await api.createProduct('E2E-TEE', 2400, 10);
    const placed = await api.place([
      { sku: 'E2E-MUG', quantity: 2 },
      { sku: 'E2E-TEE', quantity: 1 },
    ]);
    expect(placed.status).toBe('PENDING');
    expect(placed.total).toBe(2 * 1250 + 2400);
    expect(placed.items.map((i) => [i.sku, i.unitPrice])).toEqual([
      ['E2E-MUG', 1250],
      ['E2E-TEE', 2400],
    ]);

    const confirmed = await api.waitForStatus(placed.id, 'CONFIRMED');
    expect(confirmed.history.map((h) => h.status)).toEqual([
      'PENDING',
      'STOCK_RESERVED',
      'CONFIRMED',
    ]);

    const invoices = (await t.http().get(`/billing/invoices?orderId=${placed.id}`).expect(200))
      .body;
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      orderId: placed.id,
      amount: 4900,
      number: confirmed.invoiceNumber,
    });

    const [mail] = await waitFor(
      async () => smtp.mailsFor(placed.id),
      (m) => m.length === 1,
      { what: 'the confirmation email' },
    );
    expect(mail.envelopeTo).toEqual(['ada@example.com']);
    expect(mail.parsed.subject).toContain(`#${placed.id.slice(0, 6).toUpperCase()}`);
    expect(mail.parsed.text).toContain('E2E-MUG');
    expect(mail.parsed.text).toContain('€49.00');
    expect(mail.parsed.html).toContain('Test E2E-TEE');
    expect(mail.parsed.html).toContain('€49.00');
    expect(mail.parsed.messageId).toBeTruthy();

    const log = await waitFor(
      async () => (await t.http().get(`/notifications?orderId=${placed.id}`).expect(200)).body,
      (n: Array<{ status: string }>) => n.length === 1 && n[0].status === 'SENT',
      { what: 'the notification log entry' },
    );
    expect(log[0]).toMatchObject({
      recipient: 'ada@example.com',
      kind: 'order-confirmed',
      messageId: mail.parsed.messageId,
    });

    const mug = await waitFor(
      () => api.product('E2E-MUG'),
      (p) => p.reserved === 0,
      { what: 'reserved mugs to be committed' },
    );
    expect(mug.available).toBe(8);
  });

  it('rejects an order it cannot fill and names the short SKU in the email', async () => {
    await api.createProduct('E2E-RARE', 9900, 1);
    await api.createProduct('E2E-PLENTY', 100, 50);
    const placed = await api.place([
      { sku: 'E2E-PLENTY', quantity: 1 },
      { sku: 'E2E-RARE', quantity: 3 },
    ]);
    const rejected = await api.waitForStatus(placed.id, 'REJECTED');
    expect(rejected.history.at(-1)?.reason).toContain('E2E-RARE');

    const [mail] = await waitFor(
      async () => smtp.mailsFor(placed.id),
      (m) => m.length === 1,
      { what: 'the rejection email' },
    );
    expect(mail.parsed.text).toContain('E2E-RARE');
    expect(mail.parsed.text).toContain('only 1 available');
    // All or nothing: the line that was available was not reserved either.
    expect(await api.product('E2E-PLENTY')).toMatchObject({ available: 50, reserved: 0 });
  });

  it('cancels the order and gives the stock back when the card is declined', async () => {
    await api.createProduct('E2E-DECLINE', 500, 5);
    const placed = await api.place([{ sku: 'E2E-DECLINE', quantity: 4 }], 'tok_chargeDeclined');
    const cancelled = await api.waitForStatus(placed.id, 'CANCELLED');
    expect(cancelled.history.map((h) => h.status)).toEqual(
      expect.arrayContaining(['PENDING', 'STOCK_RESERVED', 'CANCELLED']),
    );
    expect(cancelled.history.find((h) => h.status === 'CANCELLED')?.reason).toContain('declined');

    await waitFor(
      () => api.product('E2E-DECLINE'),
      (p) => p.available === 5 && p.reserved === 0,
      { what: 'stock to be released' },
    );
    await waitFor(
      async () => smtp.mailsFor(placed.id),
      (m) => m.length === 1 && /cancelled/i.test(m[0].parsed.subject ?? ''),
      {
        what: 'the cancellation email',
      },
    );
    expect((await t.http().get(`/billing/invoices?orderId=${placed.id}`).expect(200)).body).toEqual(
      [],
    );
  });

  it('lets the customer cancel before confirmation, releasing stock, and refuses once final', async () => {
    await api.createProduct('E2E-SLOW', 700, 3);
    // tok_processingError keeps the order waiting on payment retries, so it is still cancellable.
    const placed = await api.place([{ sku: 'E2E-SLOW', quantity: 2 }], 'tok_processingError');
    await api.waitForStatus(placed.id, 'STOCK_RESERVED');
    const res = await t.http().post(`/orders/${placed.id}/cancel`).expect(200);
    expect(res.body.status).toBe('CANCELLED');
    await waitFor(
      () => api.product('E2E-SLOW'),
      (p) => p.available === 3 && p.reserved === 0,
      { what: 'stock to be released' },
    );
    const again = await t.http().post(`/orders/${placed.id}/cancel`);
    expectProblem(again, 409, 'ORDERS.ALREADY_FINAL');

    await waitFor(
      () => api.get(placed.id),
      (o) => o.history.some((h) => h.reason?.includes('Stock released')),
      {
        what: 'the release to be noted in the order history',
      },
    );
  });

  it('answers 409 when cancelling a confirmed order', async () => {
    await api.createProduct('E2E-FINAL', 100, 5);
    const placed = await api.place([{ sku: 'E2E-FINAL', quantity: 1 }]);
    await api.waitForStatus(placed.id, 'CONFIRMED');
    expectProblem(await t.http().post(`/orders/${placed.id}/cancel`), 409, 'ORDERS.ALREADY_FINAL');
  });

  it('answers 422 naming an unknown SKU, and saves nothing', async () => {
    const before = (await t.http().get('/orders').set('Authorization', t.admin).expect(200)).body
      .total;
    const res = await t
      .http()
      .post('/orders')
      .send({
        customerEmail: 'ada@example.com',
        items: [{ sku: 'NOPE-404', quantity: 1 }],
        paymentToken: 'tok_visa',
      });
    expectProblem(res, 422, 'ORDERS.UNKNOWN_SKU');
    expect(res.body.detail).toBe('Unknown SKU: NOPE-404');
    expect(
      (await t.http().get('/orders').set('Authorization', t.admin).expect(200)).body.total,
    ).toBe(before);
  });

  it.each([
    [
      'no email',
      { items: [{ sku: 'SKU-MUG', quantity: 1 }], paymentToken: 'tok_visa' },
      'customerEmail',
    ],
    [
      'a bad email',
      {
        customerEmail: 'not-an-email',
        items: [{ sku: 'SKU-MUG', quantity: 1 }],
        paymentToken: 'tok_visa',
      },
      'customerEmail',
    ],
    ['no items', { customerEmail: 'a@b.co', items: [], paymentToken: 'tok_visa' }, 'items'],
    [
      'items not an array',
      { customerEmail: 'a@b.co', items: 'SKU-MUG', paymentToken: 'tok_visa' },
      'items',
    ],
    [
      'a zero quantity',
      {
        customerEmail: 'a@b.co',
        items: [{ sku: 'SKU-MUG', quantity: 0 }],
        paymentToken: 'tok_visa',
      },
      'quantity',
    ],
    [
      'a fractional quantity',
      {
        customerEmail: 'a@b.co',
        items: [{ sku: 'SKU-MUG', quantity: 1.5 }],
        paymentToken: 'tok_visa',
      },
      'quantity',
    ],
    [
      'a string quantity',
      {
        customerEmail: 'a@b.co',
        items: [{ sku: 'SKU-MUG', quantity: '2' }],
        paymentToken: 'tok_visa',
      },
      'quantity',
    ],
    [
      'a missing sku',
      { customerEmail: 'a@b.co', items: [{ quantity: 1 }], paymentToken: 'tok_visa' },
      'sku',
    ],
    [
      'no payment token',
      { customerEmail: 'a@b.co', items: [{ sku: 'SKU-MUG', quantity: 1 }] },
      'paymentToken',
    ],
    [
      'an unknown field',
      {
        customerEmail: 'a@b.co',
        items: [{ sku: 'SKU-MUG', quantity: 1 }],
        paymentToken: 'tok_visa',
        discount: 100,
      },
      'discount',
    ],
    [
      'an unknown item field',
      {
        customerEmail: 'a@b.co',
        items: [{ sku: 'SKU-MUG', quantity: 1, price: 1 }],
        paymentToken: 'tok_visa',
      },
      'price',
    ],
  ])('answers 400 with field messages for %s', async (_name, body, field) => {
    const res = await t.http().post('/orders').send(body);
    expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
    const fields = (res.body.errors as Array<{ field: string; message: string }>).map((e) =>
      e.field.split('.').pop(),
    );
    expect(fields).toContain(field);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await t
      .http()
      .post('/orders')
      .set('Content-Type', 'application/json')
      .send('{"customerEmail": ');
    expectProblem(res, 400, 'REQUEST.MALFORMED_JSON');
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expectProblem(await t.http().get('/orders/not-a-uuid'), 400, 'REQUEST.BAD_REQUEST');
    const res = await t.http().get('/orders/6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60');
    expectProblem(res, 404, 'ORDERS.NOT_FOUND');
  });

  it('pages and filters the order list by status', async () => {
    // Rows of its own: two orders that end CONFIRMED, one that ends CANCELLED (card declined).
    const confirmed = await api.place([{ sku: 'SKU-MUG', quantity: 1 }], 'tok_visa');
    const also = await api.place([{ sku: 'SKU-MUG', quantity: 1 }], 'tok_visa');
    const declined = await api.place([{ sku: 'SKU-MUG', quantity: 1 }], 'tok_chargeDeclined');
    await api.waitForStatus(confirmed.id, 'CONFIRMED');
    await api.waitForStatus(also.id, 'CONFIRMED');
    await api.waitForStatus(declined.id, 'CANCELLED');
    const list = async (query: string) =>
      (await t.http().get(`/orders?${query}`).set('Authorization', t.admin).expect(200)).body;

    const page = await list('status=CONFIRMED&limit=1');
    expect(page.limit).toBe(1);
    expect(page.items).toHaveLength(1);
    expect(page.items[0].status).toBe('CONFIRMED');
    const all = await list('status=CONFIRMED&limit=100');
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([confirmed.id, also.id]),
    );
    expect(all.items.map((o: { id: string }) => o.id)).not.toContain(declined.id);
    expect(new Set(all.items.map((o: { status: string }) => o.status))).toEqual(
      new Set(['CONFIRMED']),
    );
    const second = await list(`status=CONFIRMED&limit=1&offset=1`);
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(page.items[0].id);
    const cancelled = await list('status=CANCELLED&limit=100');
    expect(cancelled.items.map((o: { id: string }) => o.id)).toContain(declined.id);

    const bad = await t.http().get('/orders?status=NOPE').set('Authorization', t.admin);
    expectProblem(bad, 400, 'REQUEST.VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['status']);
  });

  it('keeps admin endpoints behind the API key', async () => {
    const put = () => t.http().put('/inventory/products/SKU-MUG').send({ price: 1 });
    expectProblem(await put(), 401, 'AUTH.UNAUTHORIZED');
    expectProblem(
      await put().set('Authorization', 'Bearer wrong-key-000'),
      401,
      'AUTH.UNAUTHORIZED',
    );
    expect((await api.product('SKU-MUG')).price).not.toBe(1);
  });

  it('serves health and the API docs', async () => {
    const health = (await t.http().get('/health').expect(200)).body;
    expect(health).toMatchObject({ status: 'ok', brokerConnected: true, storage: 'memory' });
    const docs = (await t.http().get('/docs-json').expect(200)).body;
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining([
        '/orders',
        '/orders/{id}',
        '/orders/{id}/cancel',
        '/inventory/products',
      ]),
    );
    expect(docs.components.schemas.PlaceOrderDto.properties.customerEmail.example).toBe(
      'ada@example.com',
    );
  });

  it('carries the correlation id from the request to the response', async () => {
    const res = await t.http().get('/health').set('X-Correlation-Id', 'corr-e2e-1').expect(200);
    expect(res.headers['x-correlation-id']).toBe('corr-e2e-1');
  });
});
