import { expectProblem } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';

const ORDER = { customerEmail: 'ada@example.com', paymentToken: 'tok_visa' };
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('HTTP edge: nothing a client sends crashes the app or leaks internals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const postJson = (path: string, raw: string) =>
    t.http().post(path).set('Content-Type', 'application/json').send(raw);

  describe('body bounds', () => {
    it('refuses an object nested 5000 levels deep with 400, not a stack overflow (500)', async () => {
      const raw = deepObject(5000);
      expect(raw.length).toBeLessThan(32 * 1024); // far inside the body limit
      expectProblem(await postJson('/orders', raw), 400, 'REQUEST.NESTED_TOO_DEEPLY');
      const put = await t
        .http()
        .put('/inventory/products/SKU-MUG')
        .set('Authorization', t.admin)
        .set('Content-Type', 'application/json')
        .send(raw);
      expectProblem(put, 400, 'REQUEST.NESTED_TOO_DEEPLY');
    });

    it('refuses arrays nested 5000 levels deep inside items with 400', async () => {
      const raw = `{"customerEmail":"a@b.co","paymentToken":"tok_visa","items":[${deepArray(5000)}]}`;
      expectProblem(await postJson('/orders', raw), 400, 'REQUEST.NESTED_TOO_DEEPLY');
    });

    it('refuses an array where an item should be (found by the fuzzer as a 500)', async () => {
      const res = await t
        .http()
        .post('/orders')
        .send({ ...ORDER, items: [[]] });
      expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'items' }));
    });

    it('still validates a body nested within the bound, naming the field', async () => {
      const raw = `{"customerEmail":"a@b.co","paymentToken":"tok_visa","items":[{"sku":${deepObject(20)},"quantity":1}]}`;
      const res = await postJson('/orders', raw);
      expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'items.0.sku' }));
    });

    it('refuses a 2 MB body with 413, keeping the caller’s correlation id', async () => {
      const raw = JSON.stringify({ ...ORDER, items: [], note: 'x'.repeat(2 * 1024 * 1024) });
      const res = await t
        .http()
        .post('/orders')
        .set('Content-Type', 'application/json')
        .set('X-Correlation-Id', 'edge-413')
        .send(raw);
      expectProblem(res, 413, 'REQUEST.BODY_TOO_LARGE');
      expect(res.body.correlationId).toBe('edge-413');
    });

    it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON, without the parser’s words', async () => {
      const res = await postJson('/orders', '{"customerEmail": "/work/secret", ');
      expectProblem(res, 400, 'REQUEST.MALFORMED_JSON');
      expect(res.text).not.toContain('/work/secret');
    });
  });

  describe('media types', () => {
    it.each([
      ['text/plain', JSON.stringify({ ...ORDER, items: [{ sku: 'SKU-MUG', quantity: 1 }] })],
      ['application/x-www-form-urlencoded', 'customerEmail=a%40b.co'],
      ['application/xml', '<order/>'],
      ['application/json; charset=latin1', '{}'],
    ])('refuses a %s body with 415 instead of validating nothing', async (type, raw) => {
      const res = await t.http().post('/orders').set('Content-Type', type).send(raw);
      expectProblem(res, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
      expect(res.body.errors).toBeUndefined();
    });

    it('accepts application/*+json, and a bodiless POST without a content type', async () => {
      const res = await t
        .http()
        .post('/orders')
        .set('Content-Type', 'application/merge-patch+json')
        .send('{}');
      expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
      const cancel = await t.http().post('/orders/6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60/cancel');
      expectProblem(cancel, 404, 'ORDERS.NOT_FOUND');
    });
  });

  describe('one error shape', () => {
    it('answers an unknown route with a 404 problem that does not echo the path', async () => {
      const res = await t.http().get('/no/such/route/%2Fwork%2F');
      expectProblem(res, 404, 'ROUTE.NOT_FOUND');
      expect(res.text).not.toContain('no/such');
    });

    it('names each invalid field by its path in errors[]', async () => {
      const res = await t
        .http()
        .post('/orders')
        .send({ customerEmail: 'nope', items: [{ sku: 'SKU-MUG', quantity: 0 }], extra: 1 });
      expectProblem(res, 400, 'REQUEST.VALIDATION_FAILED');
      const fields = (res.body.errors as Array<{ field: string; message: string }>).map(
        (e) => e.field,
      );
      expect(fields).toEqual(
        expect.arrayContaining(['customerEmail', 'items.0.quantity', 'paymentToken', 'extra']),
      );
      for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
    });

    it('keeps a domain error’s code and details', async () => {
      const res = await t
        .http()
        .post('/orders')
        .send({ ...ORDER, items: [{ sku: 'NOPE-EDGE', quantity: 1 }] });
      expectProblem(res, 422, 'ORDERS.UNKNOWN_SKU');
      expect(res.body.details).toEqual({ skus: ['NOPE-EDGE'] });
    });

    it('answers the admin guard with 401 AUTH.UNAUTHORIZED', async () => {
      const res = await t.http().put('/inventory/products/SKU-MUG').send({ price: 1 });
      expectProblem(res, 401, 'AUTH.UNAUTHORIZED');
    });

    it('answers a malformed path parameter with a 400 problem', async () => {
      expectProblem(await t.http().get('/orders/not-a-uuid'), 400, 'REQUEST.BAD_REQUEST');
    });
  });

  describe('hardening', () => {
    it('sends helmet’s security headers and no X-Powered-By', async () => {
      const res = await t.http().get('/health').expect(200);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'content-security-policy': expect.stringContaining("default-src 'self'"),
        'strict-transport-security': expect.stringContaining('max-age='),
      });
      // Plain HTTP here: upgrading every request would break the Swagger UI's own scripts.
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      const error = await t.http().get('/nope');
      expect(error.headers['x-powered-by']).toBeUndefined();
      expect(error.headers['x-content-type-options']).toBe('nosniff');
    });

    it('sends no CORS headers unless CORS_ORIGINS is set', async () => {
      const res = await t.http().get('/health').set('Origin', 'https://evil.example');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t
        .http()
        .options('/orders')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('does not limit POST /orders when ORDER_RATE_LIMIT is 0', async () => {
      for (let i = 0; i < 5; i++)
        expectProblem(await t.http().post('/orders').send({}), 400, 'REQUEST.VALIDATION_FAILED');
    });

    it('documents the problem schema once and references it from every route', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body;
      expect(doc.components.schemas.ProblemDetailsView.required).toEqual(
        expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
      );
      const ref = { $ref: '#/components/schemas/ProblemDetailsView' };
      const operations = Object.values(doc.paths).flatMap((p) => Object.values(p as object));
      expect(operations.length).toBeGreaterThan(5);
      for (const op of operations)
        expect(op.responses.default.content['application/problem+json'].schema).toEqual(ref);
      const place = doc.paths['/orders'].post.responses;
      expect(place['429'].content['application/problem+json'].schema).toEqual(ref);
      expect(place['422'].content['application/problem+json'].schema).toEqual(ref);
    });
  });

  describe('configured for production', () => {
    let prod: TestApp;
    let smtp: TestSmtpServer;
    const origin = 'https://shop.example.com';

    beforeAll(async () => {
      smtp = await new TestSmtpServer().start();
      prod = await startTestApp({
        NODE_ENV: 'production',
        SMTP_URL: smtp.url,
        ADMIN_API_KEY: 'e'.repeat(40),
        CORS_ORIGINS: `${origin},https://admin.example.com`,
        ORDER_RATE_LIMIT: '2',
        ORDER_RATE_WINDOW_MS: '60000',
      });
    });

    afterAll(async () => {
      await prod?.close();
      await smtp?.stop();
    });

    it('answers the third POST /orders in a window with 429 and Retry-After', async () => {
      for (let i = 0; i < 2; i++)
        expectProblem(await prod.http().post('/orders').send({}), 400, 'REQUEST.VALIDATION_FAILED');
      const res = await prod.http().post('/orders').send({});
      expectProblem(res, 429, 'REQUEST.TOO_MANY_REQUESTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      // Reads are not limited.
      for (let i = 0; i < 4; i++) await prod.http().get('/inventory/products').expect(200);
    });

    it('allows the configured origins and no others', async () => {
      const res = await prod.http().get('/health').set('Origin', origin).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-expose-headers']).toContain('x-correlation-id');
      const preflight = await prod
        .http()
        .options('/orders')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      const other = await prod.http().get('/health').set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves no docs without DOCS_ENABLED=true', async () => {
      expectProblem(await prod.http().get('/docs'), 404, 'ROUTE.NOT_FOUND');
      expectProblem(await prod.http().get('/docs-json'), 404, 'ROUTE.NOT_FOUND');
    });
  });
});
