import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { OrdersApi } from './support/orders-api';
import { expectProblem } from './support/problem';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const text = (res: Response): string => res.text;

/** A 400 from validation that names the field (its dotted path) and what is wrong with it. */
function expectFieldError(res: Response, field: string, message: string): void {
  expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
  expect(res.body.errors).toContainEqual({ field, message: expect.stringContaining(message) });
}

function expectUnauthorized(res: Response): void {
  expectProblem(res, 401, 'AUTH.UNAUTHORIZED');
  expect(res.headers['www-authenticate']).toBe('Bearer');
  expect(res.body.detail).toContain('Authorization: Bearer <key>');
}

const SKU_RULE = 'sku must be 1-64 letters, digits, dots, dashes or underscores';

describe('Input rules and customer data (issue #9)', () => {
  let t: TestApp;
  let api: OrdersApi;
  const order = (items: Array<{ sku: string; quantity: number }>, extra: object = {}) => ({
    customerEmail: 'rules@example.com',
    items,
    paymentToken: 'tok_visa',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    api = new OrdersApi(t);
    await api.createProduct('IR-BULK', 100, 100_000);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('admin key', () => {
    const adminRoutes = [
      ['GET /orders', () => t.http().get('/orders')],
      ['GET /dead-letters', () => t.http().get('/dead-letters')],
      ['PUT /inventory/products/:sku', () => t.http().put('/inventory/products/IR-BULK').send({})],
    ] as const;

    it.each(adminRoutes)(
      '%s refuses the bare key (no Bearer scheme) with 401',
      async (_r, call) => {
        const res = await call().set('Authorization', ADMIN_KEY);
        expectUnauthorized(res);
      },
    );

    it.each([
      ['empty', ''],
      ['shorter', ADMIN_KEY.slice(0, 4)],
      ['one character longer', `${ADMIN_KEY}x`],
      ['much longer', ADMIN_KEY.repeat(40)],
      ['followed by more words', `${ADMIN_KEY} ${ADMIN_KEY}`],
    ])('refuses a wrong key (%s) with 401', async (_name, key) => {
      const res = await t.http().get('/dead-letters').set('Authorization', `Bearer ${key}`);
      expectUnauthorized(res);
    });

    it('documents every admin route with the bearer scheme, labelled an API key', async () => {
      const docs = (await t.http().get('/docs-json').expect(200)).body;
      expect(docs.components.securitySchemes['admin-api-key']).toMatchObject({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'ADMIN_API_KEY',
      });
      for (const [path, method] of [
        ['/orders', 'get'],
        ['/inventory/products/{sku}', 'put'],
        ['/dead-letters', 'get'],
        ['/dead-letters/{id}/replay', 'post'],
        ['/billing/invoices', 'get'],
        ['/notifications', 'get'],
      ]) {
        const op = docs.paths[path][method];
        expect({ path, security: op.security }).toEqual({
          path,
          security: [{ 'admin-api-key': [] }],
        });
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
      expect(docs.paths['/orders/{id}'].get.security).toBeUndefined();
    });
  });

  describe('customer data', () => {
    const alice = `alice-${randomUUID()}@example.com`;
    const bob = `bob-${randomUUID()}@example.com`;
    let aliceOrder: string;

    beforeAll(async () => {
      aliceOrder = (await api.place([{ sku: 'IR-BULK', quantity: 1 }], 'tok_visa', alice)).id;
      const bobOrder = (await api.place([{ sku: 'IR-BULK', quantity: 2 }], 'tok_visa', bob)).id;
      for (const id of [aliceOrder, bobOrder]) {
        await api.waitForStatus(id, 'CONFIRMED');
        await waitFor(
          async () => (await t.http().get(`/notifications?orderId=${id}`).expect(200)).body,
          (log: Array<{ status: string }>) => log.some((n) => n.status === 'SENT'),
          { what: `the confirmation email of ${id}` },
        );
      }
    });

    it('GET /orders (every customer) takes the admin key; GET /orders/:id stays public', async () => {
      const anonymous = await t.http().get('/orders');
      expectUnauthorized(anonymous);
      expect(text(anonymous)).not.toContain(alice);
      const admin = await t.http().get('/orders?limit=100').set('Authorization', t.admin);
      expect(admin.status).toBe(200);
      expect(text(admin)).toContain(alice);
      expect(text(admin)).toContain(bob);
      const own = await t.http().get(`/orders/${aliceOrder}`).expect(200);
      expect(own.body).toMatchObject({ id: aliceOrder, customerEmail: alice });
    });

    it.each(['/billing/invoices', '/notifications'])(
      '%s without orderId takes the admin key',
      async (path) => {
        const anonymous = await t.http().get(path);
        expectUnauthorized(anonymous);
        expect(text(anonymous)).not.toContain(bob);
        const admin = await t.http().get(path).set('Authorization', t.admin).expect(200);
        expect(text(admin)).toContain(alice);
        expect(text(admin)).toContain(bob);
      },
    );

    it.each(['/billing/invoices', '/notifications'])(
      '%s answers 400 for an orderId that is not a UUID, admin or not',
      async (path) => {
        for (const orderId of ['not-a-uuid', `${randomUUID()}x`]) {
          const res = await t.http().get(`${path}?orderId=${orderId}`);
          expectFieldError(res, 'orderId', 'orderId must be a UUID');
        }
        const empty = await t.http().get(`${path}?orderId=`).set('Authorization', t.admin);
        expectFieldError(empty, 'orderId', 'orderId must be a UUID');
      },
    );

    it.each([
      ['/billing/invoices', 'customerEmail'],
      ['/notifications', 'recipient'],
    ])('%s with orderId is public and shows only that order', async (path, emailField) => {
      const res = await t.http().get(`${path}?orderId=${aliceOrder}`).expect(200);
      const records = res.body as Array<Record<string, string>>;
      // A confirmed order has exactly one invoice and one (confirmation) email.
      expect(records.map((r) => [r.orderId, r[emailField]])).toEqual([[aliceOrder, alice]]);
      expect(text(res)).not.toContain(bob);
    });
  });

  describe('SKUs, stock and price', () => {
    const product = { name: 'Rules widget', price: 100, stock: 5 };
    const put = (sku: string, body: object = product) =>
      t.http().put(`/inventory/products/${sku}`).set('Authorization', t.admin).send(body);

    it.each([
      ['10 000 characters', 'A'.repeat(10_000)],
      ['65 characters', 'A'.repeat(65)],
      ['spaces and a snowman', encodeURIComponent('bad sku ☃')],
    ])('refuses a SKU of %s in the path with 400', async (_name, sku) => {
      const res = await put(sku);
      expectFieldError(res, 'sku', SKU_RULE);
      const skus = (await t.http().get('/inventory/products').expect(200)).body.map(
        (p: { sku: string }) => p.sku,
      );
      expect(skus).not.toContain(decodeURIComponent(sku));
    });

    it('accepts a 64-character SKU, the same rule as in an order', async () => {
      await put('B'.repeat(64)).expect(200);
      await t
        .http()
        .post('/orders')
        .send(order([{ sku: 'B'.repeat(64), quantity: 1 }]))
        .expect(202);
      const res = await t
        .http()
        .post('/orders')
        .send(order([{ sku: 'B'.repeat(65), quantity: 1 }]));
      expectFieldError(res, 'items.0.sku', SKU_RULE);
    });

    it.each([
      ['stock 1e20', { stock: 1e20 }, 'stock', 'must not be greater than 1000000000'],
      ['stock over 1 000 000 000', { stock: 1_000_000_001 }, 'stock', 'must not be greater'],
      ['a fractional stock', { stock: 1.5 }, 'stock', 'must be an integer'],
      ['price over 100 000 000 cents', { price: 100_000_001 }, 'price', 'must not be greater'],
      [
        'a name with a right-to-left override',
        { name: 'Mug \u202Egpj.exe' },
        'name',
        'must not contain control',
      ],
      ['a name with a newline', { name: 'Mug\nFREE' }, 'name', 'must not contain control'],
    ])('refuses %s with 400 naming the field', async (_name, change, field, message) => {
      const res = await put('IR-BULK', change);
      expectFieldError(res, field, `${field} ${message}`);
      expect((await api.product('IR-BULK')).price).toBe(100);
    });

    it('accepts the bounds themselves', async () => {
      await put('IR-BOUNDS', { name: 'Bounds', price: 100_000_000, stock: 1_000_000_000 }).expect(
        200,
      );
    });
  });

  describe('Idempotency-Key', () => {
    const post = (key: string, body = order([{ sku: 'IR-BULK', quantity: 1 }])) =>
      t.http().post('/orders').set('Idempotency-Key', key).send(body);

    it.each([
      ['8 000 characters', 'k'.repeat(8000)],
      ['256 characters', 'k'.repeat(256)],
      ['a non-ASCII character', 'caf\u00e9-key'],
    ])('refuses a key of %s with 400, without echoing it', async (_name, key) => {
      const res = await post(key);
      expectProblem(res, 400, 'ORDERS.INVALID_IDEMPOTENCY_KEY');
      expect(res.body.detail).toContain('Idempotency-Key must be 1-255 printable ASCII characters');
      // Node sends a non-ASCII header as UTF-8 bytes, which arrive as more characters.
      expect(res.body.details).toEqual({ maxLength: 255, length: Buffer.byteLength(key) });
      expect(text(res)).not.toContain(key);
    });

    it('accepts a 255-character key with spaces inside', async () => {
      const key = `${randomUUID()} ${'k'.repeat(218)}`;
      expect(key).toHaveLength(255);
      const first = await post(key).expect(202);
      expect((await post(key).expect(202)).body.id).toBe(first.body.id);
    });

    it('does not echo a reused key in the 409', async () => {
      const key = `reuse-${randomUUID()}`;
      await post(key).expect(202);
      const res = await post(key, order([{ sku: 'IR-BULK', quantity: 2 }]));
      expectProblem(res, 409, 'ORDERS.IDEMPOTENCY_KEY_REUSED');
      expect(text(res)).not.toContain(key);
    });
  });

  describe('control and bidi characters', () => {
    it.each([
      ['a right-to-left override', 'ada\u202E@example.com'],
      ['a zero-width space', 'ada\u200B@example.com'],
      ['a NUL', 'ada\u0000@example.com'],
      ['a newline', 'ada@example.com\nBcc: all@example.com'],
    ])('refuses a customerEmail with %s with 400', async (_name, customerEmail) => {
      const res = await t
        .http()
        .post('/orders')
        .send(order([{ sku: 'IR-BULK', quantity: 1 }], { customerEmail }));
      expectFieldError(res, 'customerEmail', 'customerEmail must not contain control');
    });

    it('refuses a paymentToken with a control character with 400', async () => {
      const res = await t
        .http()
        .post('/orders')
        .send(order([{ sku: 'IR-BULK', quantity: 1 }], { paymentToken: 'tok_visa\u0007' }));
      expectFieldError(res, 'paymentToken', 'paymentToken must not contain control');
    });
  });

  describe('quantity cap on merged lines', () => {
    const orderCount = async () =>
      (await t.http().get('/orders').set('Authorization', t.admin).expect(200)).body
        .total as number;
    const repeat = (quantity: number, count: number) =>
      Array.from({ length: count }, () => ({ sku: 'IR-BULK', quantity }));

    it.each([
      ['50 lines of 1000', repeat(1000, 50), 50_000],
      ['2 lines of 600', repeat(600, 2), 1200],
    ])(
      'refuses %s of one SKU with 422 naming the SKU, and saves nothing',
      async (_n, items, sum) => {
        const before = await orderCount();
        const res = await t.http().post('/orders').send(order(items));
        expectProblem(res, 422, 'ORDERS.QUANTITY_LIMIT_EXCEEDED');
        expect(res.body.detail).toContain(`IR-BULK has ${sum}`);
        expect(res.body.details).toEqual({
          maxPerSku: 1000,
          exceeded: [{ sku: 'IR-BULK', quantity: sum }],
        });
        expect(await orderCount()).toBe(before);
      },
    );

    it('accepts 2 lines of 400 of one SKU as one line of 800', async () => {
      const res = await t
        .http()
        .post('/orders')
        .send(order(repeat(400, 2)))
        .expect(202);
      expect(res.body.items).toEqual([expect.objectContaining({ sku: 'IR-BULK', quantity: 800 })]);
      await api.waitForStatus(res.body.id, 'CONFIRMED');
    });
  });
});
