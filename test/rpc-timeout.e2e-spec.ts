import { expectProblem } from './support/problem';
import { TestApp, startTestApp } from './support/test-app';

/** Orders without inventory running: a lookup nobody answers is a 503, and says nothing internal. */
describe('A request/reply call nobody answers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ APP_MODULES: 'orders', RPC_TIMEOUT_MS: '300' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers 503 with Retry-After and no queue name or client error in the body', async () => {
    const res = await t
      .http()
      .post('/orders')
      .send({
        customerEmail: 'ada@example.com',
        items: [{ sku: 'RPC-NOBODY', quantity: 1 }],
        paymentToken: 'tok_visa',
      });
    expectProblem(res, 503, 'MESSAGING.UNAVAILABLE');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.detail).toBe('A module this request needs did not answer in time');
    expect(res.text).not.toMatch(/catalog\.lookup|timeout|Timeout/);
  });
});
