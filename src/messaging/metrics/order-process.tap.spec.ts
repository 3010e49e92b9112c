import { Registry } from 'prom-client';
import type { Published } from '../observability/message-tap';
import { sampled } from './metrics.fixtures';
import { OrderProcessTap, PAYMENT_TIMED_OUT } from './order-process.tap';

const EVENTS = 'p.orderflow.events';

const event = (type: string, payload: object = {}, over: Partial<Published> = {}): Published => ({
  exchange: EVENTS,
  routingKey: type,
  type,
  headers: {},
  content: Buffer.from(JSON.stringify({ type, payload })),
  outcome: 'confirmed',
  seconds: 0.01,
  ...over,
});

describe('OrderProcessTap', () => {
  let registry: Registry;
  let tap: OrderProcessTap;
  const value = (name: string, labels: Record<string, string> = {}) =>
    sampled(registry, name, labels);

  beforeEach(() => {
    registry = new Registry();
    tap = new OrderProcessTap(registry, EVENTS);
  });

  it('counts orders by their final status, from the events that announce it', async () => {
    tap.published(event('order.confirmed'));
    tap.published(event('order.rejected'));
    tap.published(event('order.cancelled', { reason: 'Cancelled by the customer' }));
    tap.published(event('order.cancelled', { reason: PAYMENT_TIMED_OUT }));
    tap.published(event('payment.refunded', { reason: PAYMENT_TIMED_OUT }));

    const orders = (status: string) => value('orderflow_orders_total', { status });
    expect(await Promise.all(['confirmed', 'rejected', 'cancelled'].map(orders))).toEqual([
      1, 1, 2,
    ]);
    expect(await value('orderflow_order_payment_timeouts_total')).toBe(1);
    expect(await value('orderflow_order_refunds_total')).toBe(1);
  });

  it('ignores failed publishes, replays, other messages and unreadable bodies', async () => {
    tap.published(event('order.confirmed', {}, { outcome: 'failed' }));
    tap.published(event('order.confirmed', {}, { exchange: 'p.orderflow.to-queue' }));
    tap.published(event('inventory.reserved'));
    tap.published(event('order.cancelled', {}, { content: Buffer.from('not json') }));

    expect(await value('orderflow_orders_total')).toBe(1);
    expect(await value('orderflow_order_payment_timeouts_total')).toBe(0);
  });

  it('reports timeouts and refunds as zero before any happened', async () => {
    const text = await registry.metrics();
    expect(text).toContain('orderflow_order_payment_timeouts_total 0');
    expect(text).toContain('orderflow_order_refunds_total 0');
  });
});
