import { expectProblem } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';

/** Without ADMIN_API_KEY the admin endpoints are closed, not open. */
describe('Admin endpoints with no key configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ADMIN_API_KEY: '' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['GET', '/dead-letters'],
    ['GET', '/orders'],
    ['GET', '/billing/invoices'],
    ['GET', '/notifications'],
    ['PUT', '/inventory/products/SKU-MUG'],
  ])('%s %s answers 403, whatever key is sent', async (method, path) => {
    for (const auth of [undefined, 'Bearer ', 'Bearer undefined', 'Bearer test-admin-key-123']) {
      const req = method === 'GET' ? t.http().get(path) : t.http().put(path).send({ price: 1 });
      const res = auth ? await req.set('Authorization', auth) : await req;
      expectProblem(res, 403, 'AUTH.FORBIDDEN');
    }
  });
});
