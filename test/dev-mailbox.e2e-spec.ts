import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { expectProblem } from './support/problem';
import { waitFor } from './support/wait-for';

interface Captured {
  id: string;
  messageId: string;
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
      async () =>
        (await t.http().get('/dev/mailbox').set('Accept', 'application/json').expect(200))
          .body as Captured[],
      (m) => m.some((x) => x.messageId.includes(order.id)),
      { what: 'the captured email' },
    );
    const mail = mails.find((m) => m.messageId.includes(order.id))!;
    expect(mail.subject).toContain(`#${order.id.slice(0, 6).toUpperCase()}`);
    expect(mail.to).toBe('newcomer@example.com');
    expect(mail.text).toContain('Enamel mug');
    const html = await t.http().get(mail.htmlUrl).expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain(order.id);
    expectProblem(await t.http().get('/dev/mailbox/nope/html'), 404, 'RESOURCE.NOT_FOUND');

    // A browser asks for HTML: the inbox lists the mail and links to its page.
    const inbox = await t.http().get('/dev/mailbox').set('Accept', 'text/html,*/*;q=0.8');
    expect(inbox.status).toBe(200);
    expect(inbox.headers['content-type']).toContain('text/html');
    expect(inbox.text).toContain(`href="/dev/mailbox/${mail.id}"`);
    expect(inbox.text).toContain(mail.subject.replace(/&/g, '&amp;'));
    const opened = await t.http().get(`/dev/mailbox/${mail.id}`).expect(200);
    expect(opened.text).toContain(`src="/dev/mailbox/${mail.id}/html"`);
    expect(opened.text).toContain('Enamel mug');
    const health = await waitFor(
      async () => (await t.http().get('/health')).body,
      (h) => h.checks?.mail?.status === 'up',
      { what: 'mail verify' },
    );
    expect(health.checks.mail.detail).toContain('embedded SMTP catcher');
  });
});
