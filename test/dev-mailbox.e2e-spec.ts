import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { expectProblem } from './support/problem';
import { waitFor } from './support/wait-for';

interface Captured {
  id: string;
  to: string;
  subject: string;
  text: string;
  htmlUrl: string;
}

describe('Dev mailbox (embedded SMTP catcher, no SMTP_URL)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps the emails the app sent over real SMTP and renders them', async () => {
    const api = new OrdersApi(t);
    const order = await api.place(
      [{ sku: 'SKU-MUG', quantity: 1 }],
      'tok_visa',
      'newcomer@example.com',
    );
    await api.waitForStatus(order.id, 'CONFIRMED');
    const mails = await waitFor(
      async () => (await t.http().get('/dev/mailbox').expect(200)).body as Captured[],
      (m) => m.some((x) => x.subject.includes(order.id)),
      { what: 'the captured email' },
    );
    const mail = mails.find((m) => m.subject.includes(order.id))!;
    expect(mail.to).toBe('newcomer@example.com');
    expect(mail.text).toContain('Enamel mug');
    const html = await t.http().get(mail.htmlUrl).expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain(order.id);
    expectProblem(await t.http().get('/dev/mailbox/nope/html'), 404, 'RESOURCE.NOT_FOUND');
    const health = await waitFor(
      async () => (await t.http().get('/health')).body,
      (h) => h.checks?.mail?.status === 'up',
      { what: 'mail verify' },
    );
    expect(health.checks.mail.detail).toContain('embedded SMTP catcher');
  });
});
