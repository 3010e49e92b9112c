import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Browser, Page, chromium } from 'playwright-core';
import { OrdersApi } from './support/orders-api';
import { describeWhen } from './support/requires';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import { waitFor } from './support/wait-for';

const chromiumPath = (() => {
  try {
    return execSync('command -v chromium', { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
})();
const ARTIFACTS = 'test-artifacts';

async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Default launch: Playwright gives the browser a fresh, temporary user-data dir.
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

const baseUrl = (t: TestApp) =>
  `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

describeWhen(!!chromiumPath, 'chromium')('Operations console in a browser', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let api: OrdersApi;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({ SMTP_URL: smtp.url, RETRY_DELAYS_MS: '50,100,150' });
    api = new OrdersApi(t);
    await api.createProduct('CON-A', 1000, 100);
    base = baseUrl(t);
    browser = await launch();
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
  });

  it('refuses a wrong key, then logs in with an HttpOnly cookie and no key in the URL', async () => {
    await page.goto(`${base}/console`);
    expect(page.url()).toBe(`${base}/console/login`);
    await page.fill('input[name=key]', 'wrong-key');
    await page.click('button[type=submit]');
    await waitFor(
      () => page.locator('p.error').textContent(),
      (s) => !!s,
      { what: 'the refusal' },
    );
    expect(await page.locator('p.error').textContent()).toContain('Wrong admin key');
    expect(await page.context().cookies()).toHaveLength(0);

    await page.fill('input[name=key]', ADMIN_KEY);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/console/dead-letters`);
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' });
    expect(cookie.value).not.toContain(ADMIN_KEY);
    expect(page.url()).not.toContain(ADMIN_KEY);
    // A session cookie is not an API key: the admin API still wants the Bearer header.
    await t.http().get('/dead-letters').expect(401);
  });

  it('finds a parked email, replays it, and the order completes with its email sent', async () => {
    const port = smtp.port;
    await smtp.stop();
    const order = await api.place([{ sku: 'CON-A', quantity: 1 }], 'tok_visa', 'ops@example.com');
    await api.waitForStatus(order.id, 'CONFIRMED');
    const queue = `${t.config.amqpNamePrefix}notifications.order-confirmed`;
    const filtered = `${base}/console/dead-letters?queue=${encodeURIComponent(queue)}&reason=MailDelivery&status=PARKED`;
    await waitFor(
      async () => (await page.goto(filtered), page.locator('tbody tr input[name=ids]').count()),
      (n) => n >= 1,
      { what: 'the email to be parked', timeoutMs: 20_000 },
    );
    await page.screenshot({ path: `${ARTIFACTS}/console-dead-letters.png`, fullPage: true });
    // The README's picture is refreshed on request only, so a test run leaves the tree clean.
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1')
      await page.screenshot({ path: 'docs/console.png', fullPage: true });
    await page.locator('tbody tr a').first().click();
    await expect(page.locator('pre').nth(1).textContent()).resolves.toContain(order.id);
    expect(await page.content()).toContain('MailDeliveryTransientError');
    await page.screenshot({ path: `${ARTIFACTS}/console-dead-letter.png`, fullPage: true });

    await smtp.start(port);
    await page.click('button:has-text("Replay")');
    await waitFor(
      async () => (await page.reload(), page.locator('tr', { hasText: 'Status' }).innerText()),
      (s) => s.includes('REPLAYED'),
      { what: 'the dead letter to show REPLAYED' },
    );
    await waitFor(
      async () => smtp.mailsFor(order.id).length,
      (n) => n === 1,
      { what: 'the replayed email' },
    );

    await page.goto(`${base}/console/orders?id=${order.id}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('CONFIRMED');
    expect(text).toContain('done');
    expect(text).toMatch(/replayed/);
    await page.screenshot({ path: `${ARTIFACTS}/console-order.png`, fullPage: true });
  });

  it('shows our queues with depth and consumers, and the outbox', async () => {
    await page.goto(`${base}/console/broker`);
    const row = page.locator('tr', {
      hasText: `${t.config.amqpNamePrefix}orders.payment-succeeded`,
    });
    await expect(row.locator('td').nth(2).textContent()).resolves.toMatch(/^\s*[1-9]/);
    expect(await page.locator('main').innerText()).toContain('Outbox: 0 pending');
    await page.screenshot({ path: `${ARTIFACTS}/console-broker.png`, fullPage: true });
  });
});

describeWhen(!!chromiumPath, 'chromium')('Swagger and the dev mailbox in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    await new OrdersApi(t).createProduct('SKU-001', 1000, 100);
    base = baseUrl(t);
    browser = await launch();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('places an order through "Try it out" and lists orders', async () => {
    await page.goto(`${base}/docs`);
    const post = page.locator('.opblock-post', { hasText: '/orders' }).first();
    await post.locator('.opblock-summary').click();
    await post.locator('button.try-out__btn').click();
    await post.locator('button.execute').click();
    const status = post.locator('.live-responses-table tbody td.response-col_status');
    await waitFor(
      () => status.first().textContent(),
      (s) => !!s?.trim(),
      { what: 'a response' },
    );
    expect((await status.first().textContent())?.trim()).toBe('202');
    await page.screenshot({ path: `${ARTIFACTS}/swagger-post-orders.png`, fullPage: true });

    // Listing every order is an admin call: authorise with the admin key, as a newcomer would.
    await page.locator('button.authorize').first().click();
    await page.locator('.modal-ux input').first().fill(ADMIN_KEY);
    await page.locator('.modal-ux button.authorize').first().click();
    await page.locator('.modal-ux button.btn-done').first().click();
    const get = page.locator('.opblock-get', { hasText: '/orders' }).first();
    await get.locator('.opblock-summary').click();
    await get.locator('button.try-out__btn').click();
    await get.locator('button.execute').click();
    const got = get.locator('.live-responses-table tbody td.response-col_status');
    await waitFor(
      () => got.first().textContent(),
      (s) => !!s?.trim(),
      { what: 'the list' },
    );
    expect((await got.first().textContent())?.trim()).toBe('200');
  });

  it('shows the order email on /dev/mailbox', async () => {
    const { id } = (await t.http().get('/orders?limit=1').set('Authorization', t.admin).expect(200))
      .body.items[0];
    await waitFor(
      async () => (await page.goto(`${base}/dev/mailbox`), page.content()),
      (html) => html.includes(id.slice(0, 6).toUpperCase()) || html.includes(id),
      { what: 'the order email in the mailbox' },
    );
    await page.screenshot({ path: `${ARTIFACTS}/mailbox.png`, fullPage: true });
  });
});
