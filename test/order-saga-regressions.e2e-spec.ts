import { OrdersApi } from './support/orders-api';
import { outcomeOf, violations, waitForRest } from './support/saga-invariants';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';

const PAYMENT_TIMEOUT_MS = 1_500;

/** The two ways an order ended wrong before the order process, as found by hostile testing. */
describe('Order process regressions', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let api: OrdersApi;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      PAYMENT_TIMEOUT_MS: String(PAYMENT_TIMEOUT_MS),
      SEED_DEMO_CATALOG: 'false',
    });
    api = new OrdersApi(t);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('leaves no cancelled order charged (was: 40 of 40 cancelled orders kept an invoice)', async () => {
    await api.createProduct('REG-CANCEL', 1000, 1000);
    const ids: string[] = [];
    const cancels: Promise<number>[] = [];
    for (let i = 0; i < 40; i++) {
      const placed = await api.place(
        [{ sku: 'REG-CANCEL', quantity: 1 }],
        'tok_visa',
        `c${i}@example.com`,
      );
      ids.push(placed.id);
      const delay = i % 31;
      cancels.push(
        new Promise((r) => setTimeout(r, delay)).then(
          async () => (await t.http().post(`/orders/${placed.id}/cancel`)).status,
        ),
      );
    }
    expect((await Promise.all(cancels)).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const outcomes = await waitForRest(
      () => Promise.all(ids.map((id) => outcomeOf(t, smtp, { id, token: 'tok_visa', items: [] }))),
      20_000,
    );
    expect(outcomes.flatMap(violations)).toEqual([]);
    const cancelled = outcomes.filter((o) => o.status === 'CANCELLED');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.filter((o) => o.invoices.some((i) => i.status === 'PAID'))).toEqual([]);
    const confirmed = outcomes.filter((o) => o.status === 'CONFIRMED').length;
    expect(await api.product('REG-CANCEL')).toMatchObject({
      reserved: 0,
      available: 1000 - confirmed,
    });
  });

  it('ends a transient payment failure CANCELLED by the payment timeout, stock released, one email', async () => {
    await api.createProduct('REG-TIMEOUT', 1000, 5);
    const placed = await api.place([{ sku: 'REG-TIMEOUT', quantity: 2 }], 'tok_processingError');
    const reserved = await api.waitForStatus(placed.id, 'STOCK_RESERVED');
    expect(reserved).toMatchObject({ step: 'awaiting-payment' });
    expect(
      Date.parse((reserved as unknown as { paymentDueAt: string }).paymentDueAt),
    ).toBeGreaterThan(Date.now() - PAYMENT_TIMEOUT_MS);

    const cancelled = await api.waitForStatus(placed.id, 'CANCELLED', PAYMENT_TIMEOUT_MS + 10_000);
    expect(cancelled.history.map((h) => h.reason)).toContain('Payment timed out');
    const [rest] = await waitForRest(
      async () => [
        await outcomeOf(t, smtp, { id: placed.id, token: 'tok_processingError', items: [] }),
      ],
      20_000,
    );
    expect(violations(rest)).toEqual([]);
    expect(rest.invoices).toEqual([]);
    expect(await api.product('REG-TIMEOUT')).toMatchObject({ reserved: 0, available: 5 });
  });
});
