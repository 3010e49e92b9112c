import { MetricsScrape } from './support/metrics-scrape';
import { OrdersApi } from './support/orders-api';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import { waitFor } from './support/wait-for';

const CHARGE = { consumer: 'billing', type: 'billing.charge-payment' };

/**
 * One confirmed order, and one whose charge fails transiently (tok_processingError): retried
 * once (one retry delay), then dead-lettered, then given up by the payment timeout. /metrics
 * must move by exactly that.
 */
describe('GET /metrics after an order flow', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let api: OrdersApi;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      RETRY_DELAYS_MS: '100',
      PAYMENT_TIMEOUT_MS: '4000',
    });
    api = new OrdersApi(t);
    await api.createProduct('MX-A', 1250, 100);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('counts deliveries, retries, dead letters, publishes, orders and requests exactly', async () => {
    const before = await MetricsScrape.of(t);
    const delta = (after: MetricsScrape, name: string, labels: Record<string, string> = {}) =>
      after.get(name, labels) - before.get(name, labels);

    const paid = await api.place([{ sku: 'MX-A', quantity: 1 }]);
    const failing = await api.place([{ sku: 'MX-A', quantity: 2 }], 'tok_processingError');
    await api.waitForStatus(paid.id, 'CONFIRMED');
    await api.waitForStatus(failing.id, 'CANCELLED');
    await waitFor(
      async () => smtp.mailsFor(failing.id),
      (m) => m.length === 1,
      {
        what: 'the cancellation email',
      },
    );
    // The last messages of the flow: the released stock reaches orders, the outbox is empty.
    const after = await waitFor(
      () => MetricsScrape.of(t),
      (s) =>
        delta(s, 'orderflow_dead_letters_total') >= 1 &&
        delta(s, 'orderflow_messages_consumed_total', { type: 'inventory.released' }) >= 1 &&
        // Counted after the inbox record, which follows the SMTP server's answer.
        ['order.confirmed', 'order.cancelled'].every(
          (type) =>
            delta(s, 'orderflow_messages_consumed_total', {
              consumer: 'notifications',
              type,
              outcome: 'ack',
            }) >= 1,
        ) &&
        s.get('orderflow_outbox_pending_messages') === 0,
      { what: 'the flow to settle' },
    );

    // Everything the flow delivered, exactly; catalog updates aside, which stock moves also send.
    const withoutCatalog = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).filter(([k]) => !k.includes('product-updated')));
    expect(
      withoutCatalog(
        after.changedSince(before, 'orderflow_messages_consumed_total', [
          'consumer',
          'type',
          'outcome',
        ]),
      ),
    ).toEqual({
      'inventory inventory.reserve-stock ack': 2,
      'orders inventory.reserved ack': 2,
      'billing billing.charge-payment ack': 1,
      'billing billing.charge-payment retry': 1,
      'billing billing.charge-payment dead_letter': 1,
      'orders payment.succeeded ack': 1,
      'inventory inventory.commit-stock ack': 1,
      'notifications order.confirmed ack': 1,
      'inventory inventory.release-stock ack': 1,
      'orders inventory.released ack': 1,
      'notifications order.cancelled ack': 1,
    });
    expect(
      withoutCatalog(after.changedSince(before, 'orderflow_messages_published_total', ['type'])),
    ).toEqual({
      'inventory.reserve-stock': 2,
      'inventory.reserved': 2,
      'billing.charge-payment': 2,
      'payment.succeeded': 1,
      'inventory.commit-stock': 1,
      'order.confirmed': 1,
      'inventory.release-stock': 1,
      'order.cancelled': 1,
      'inventory.released': 1,
    });
    const consumed = (outcome: string) =>
      delta(after, 'orderflow_messages_consumed_total', { ...CHARGE, outcome });
    expect([consumed('ack'), consumed('retry'), consumed('dead_letter')]).toEqual([1, 1, 1]);
    expect(consumed('duplicate') + consumed('rejected')).toBe(0);
    // Every delivery is timed; only a success ends the wait a user feels.
    expect(delta(after, 'orderflow_message_handling_seconds_count', CHARGE)).toBe(3);
    expect(delta(after, 'orderflow_message_critical_time_seconds_count', CHARGE)).toBe(1);
    expect(delta(after, 'orderflow_message_handling_seconds_count')).toBe(
      delta(after, 'orderflow_messages_consumed_total'),
    );
    expect(
      delta(after, 'orderflow_dead_letters_total', {
        queue: `${t.config.amqpNamePrefix}billing.charge-payment`,
        reason: 'retries_exhausted',
      }),
    ).toBe(1);
    expect(delta(after, 'orderflow_dead_letters_total')).toBe(1);

    expect(delta(after, 'orderflow_publish_confirm_seconds_count')).toBe(
      delta(after, 'orderflow_messages_published_total') +
        delta(after, 'orderflow_publish_failures_total'),
    );
    expect(delta(after, 'orderflow_publish_failures_total')).toBe(0);

    const orders = (status: string) => delta(after, 'orderflow_orders_total', { status });
    expect(['confirmed', 'cancelled', 'rejected'].map(orders)).toEqual([1, 1, 0]);
    expect(delta(after, 'orderflow_order_payment_timeouts_total')).toBe(1);
    expect(delta(after, 'orderflow_order_refunds_total')).toBe(0);

    expect(after.get('orderflow_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(after.has('orderflow_unroutable_messages_total')).toBe(true);

    const posts = { method: 'POST', route: '/orders', status: '202' };
    expect(delta(after, 'http_request_duration_seconds_count', posts)).toBe(2);
    const routes = after.labelSets('http_request_duration_seconds_count').map((l) => l.route);
    expect(routes).toContain('/orders/:id');
    // No label anywhere names an order.
    expect(after.text).not.toContain(paid.id);
    expect(after.text).not.toContain(failing.id);

    expect(after.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(after.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });
});
