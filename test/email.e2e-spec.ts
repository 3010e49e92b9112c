import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer, smtpError } from './support/test-smtp-server';
import { expectProblem } from './support/problem';
import { waitFor } from './support/wait-for';

interface NotificationBody {
  status: string;
  attempts: Array<{ outcome: string; response: string }>;
}

describe('Email against a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let api: OrdersApi;
  const rcptSeen = new Map<string, number>();

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    smtp.rcptPolicy = (address) => {
      const n = (rcptSeen.get(address) ?? 0) + 1;
      rcptSeen.set(address, n);
      if (address.startsWith('greylist') && n <= 2)
        return smtpError(451, '451 4.7.1 Greylisted, try again later');
      if (address.startsWith('nobody')) return smtpError(550, '550 5.1.1 No such user here');
      return undefined;
    };
    t = await startTestApp({
      SMTP_URL: smtp.url,
      RETRY_DELAYS_MS: '100,200,400',
      MAIL_FROM: 'Shop <shop@orderflow.test>',
    });
    api = new OrdersApi(t);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const notifications = async (orderId: string): Promise<NotificationBody[]> =>
    (await t.http().get(`/notifications?orderId=${orderId}`).expect(200)).body;

  it('sends a well-formed mail with both parts, the totals, and data HTML-escaped', async () => {
    const evil = `<script>alert("x")</script> & 'Co'`;
    await t
      .http()
      .put('/inventory/products/EM-EVIL')
      .set('Authorization', t.admin)
      .send({ name: evil, price: 1999, stock: 10 })
      .expect(200);
    const order = await api.place(
      [{ sku: 'EM-EVIL', quantity: 3 }],
      'tok_visa',
      'content@example.com',
    );
    await api.waitForStatus(order.id, 'CONFIRMED');
    const [mail] = await waitFor(
      async () => smtp.mailsFor(order.id),
      (m) => m.length === 1,
      { what: 'the email' },
    );
    const p = mail.parsed;
    expect(mail.envelopeTo).toEqual(['content@example.com']);
    expect(p.from?.value).toEqual([{ name: 'Shop', address: 'shop@orderflow.test' }]);
    expect(p.subject).toBe(
      `Your orderflow shop order #${order.id.slice(0, 6).toUpperCase()} is confirmed`,
    );
    expect(p.messageId).toBe(`<order-confirmed.${order.id}@orderflow>`);
    expect(p.html).toBeTruthy();
    expect(p.text).toBeTruthy();
    expect(p.html).not.toContain('<script>');
    expect(p.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Co&#x27;',
    );
    expect(p.text).toContain(evil);
    for (const part of [p.html as string, p.text as string]) {
      expect(part).toContain(order.id);
      expect(part).toContain('€19.99');
      expect(part).toContain('€59.97');
      expect(part).toContain('support@orderflow.local');
    }
    expect(p.html).toContain((await api.get(order.id)).invoiceNumber);
  });

  it('delivers exactly once after two 451 answers, logging every attempt', async () => {
    await api.createProduct('EM-A', 100, 100);
    const order = await api.place(
      [{ sku: 'EM-A', quantity: 1 }],
      'tok_visa',
      'greylist@example.com',
    );
    const [n] = await waitFor(
      () => notifications(order.id),
      (ns) => ns[0]?.status === 'SENT',
      { what: 'delivery after retries' },
    );
    expect(n.attempts.map((a) => a.outcome)).toEqual([
      'transient-failure',
      'transient-failure',
      'sent',
    ]);
    expect(n.attempts[0].response).toContain('451');
    expect(smtp.mailsFor(order.id)).toHaveLength(1);
  });

  it('marks a 550 FAILED with the server answer, does not retry, and leaves the order alone', async () => {
    await api.createProduct('EM-B', 100, 100);
    const order = await api.place([{ sku: 'EM-B', quantity: 1 }], 'tok_visa', 'nobody@example.com');
    await api.waitForStatus(order.id, 'CONFIRMED');
    const [n] = await waitFor(
      () => notifications(order.id),
      (ns) => ns[0]?.status === 'FAILED',
      { what: 'the FAILED notification' },
    );
    expect(n.attempts).toHaveLength(1);
    expect(n.attempts[0]).toMatchObject({ outcome: 'permanent-failure' });
    expect(n.attempts[0].response).toContain('550 5.1.1 No such user');
    expect(rcptSeen.get('nobody@example.com')).toBe(1);
    const parked = (
      await t
        .http()
        .get(`/dead-letters?queue=${t.config.amqpNamePrefix}notifications.order-confirmed`)
        .set('Authorization', t.admin)
        .expect(200)
    ).body.items;
    expect(parked.filter((d: { body: string }) => d.body.includes(order.id))).toEqual([]);
  });

  it('reports the verified transport in /health without secrets', async () => {
    const health = await waitFor(
      async () => (await t.http().get('/health').expect(200)).body,
      (h) => h.checks?.mail?.status === 'up',
      { what: 'mail verify' },
    );
    expect(health.checks.mail.detail).toBe(`smtp://127.0.0.1:${smtp.port}`);
  });

  it('has no dev mailbox when a real SMTP server is configured', async () => {
    expectProblem(await t.http().get('/dev/mailbox'), 404, 'ROUTE.NOT_FOUND');
  });
});
