import { Registry } from 'prom-client';
import type { Handled, Published } from '../observability/message-tap';
import { MessageMetricsTap, consumerOf, failureReason } from './message-metrics.tap';
import { messageInstruments } from './message.instruments';
import { sampled } from './metrics.fixtures';

const NOW = Date.parse('2026-03-01T10:00:05.000Z');

const handled = (over: Partial<Handled> = {}): Handled => ({
  consumer: 'billing',
  queue: 'p.billing.charge-payment',
  type: 'billing.charge-payment',
  headers: {},
  attempt: 0,
  outcome: 'ack',
  seconds: 0.25,
  envelope: {
    messageId: 'm-1',
    type: 'billing.charge-payment',
    version: 1,
    occurredAt: '2026-03-01T10:00:03.000Z',
    correlationId: 'c-1',
    payload: {},
  },
  ...over,
});

const published = (over: Partial<Published> = {}): Published => ({
  exchange: 'p.orderflow.events',
  routingKey: 'order.confirmed',
  type: 'order.confirmed',
  headers: {},
  content: Buffer.from('{}'),
  outcome: 'confirmed',
  seconds: 0.01,
  ...over,
});

describe('MessageMetricsTap', () => {
  let registry: Registry;
  let tap: MessageMetricsTap;
  const value = (name: string, labels: Record<string, string> = {}) =>
    sampled(registry, name, labels);

  beforeEach(() => {
    registry = new Registry();
    tap = new MessageMetricsTap(messageInstruments(registry), 'p.', () => NOW);
  });

  it('counts each outcome, a requeue as a retry, and times every delivery', async () => {
    for (const outcome of ['ack', 'retry', 'requeue', 'dead_letter', 'duplicate'] as const)
      tap.handled(handled({ outcome }));
    tap.handled(handled({ outcome: 'rejected', envelope: undefined }));

    const count = (outcome: string) =>
      value('orderflow_messages_consumed_total', { consumer: 'billing', outcome });
    expect(
      await Promise.all(['ack', 'retry', 'dead_letter', 'duplicate', 'rejected'].map(count)),
    ).toEqual([1, 2, 1, 1, 1]);
    expect(await count('requeue')).toBe(0);
    expect(await value('orderflow_message_handling_seconds_count')).toBe(6);
    expect(await value('orderflow_message_handling_seconds_sum')).toBeCloseTo(1.5);
  });

  it('measures critical time from occurredAt, for successes only, never below zero', async () => {
    tap.handled(handled());
    tap.handled(handled({ outcome: 'retry' }));
    tap.handled(handled({ outcome: 'ack', envelope: undefined }));
    const ahead = handled().envelope!;
    tap.handled(handled({ envelope: { ...ahead, occurredAt: '2026-03-01T10:00:09.000Z' } }));

    expect(await value('orderflow_message_critical_time_seconds_count')).toBe(2);
    expect(await value('orderflow_message_critical_time_seconds_sum')).toBe(2);
  });

  it('labels a broadcast consumer without its instance, and ignores other apps', async () => {
    tap.handled(handled({ consumer: 'orders@host-1-2', queue: 'p.orders.x.host-1-2' }));
    tap.handled(handled({ queue: 'other.billing.charge-payment' }));
    tap.published(published({ exchange: 'other.orderflow.events' }));

    expect(await value('orderflow_messages_consumed_total', { consumer: 'orders' })).toBe(1);
    expect(await value('orderflow_messages_consumed_total')).toBe(1);
    expect(await value('orderflow_publish_confirm_seconds_count')).toBe(0);
    expect(consumerOf('notifications')).toBe('notifications');
  });

  it('counts confirmed publishes by type, falling back to the routing key', async () => {
    tap.published(published());
    tap.published(published({ type: undefined, routingKey: 'inventory.reserve-stock' }));

    expect(await value('orderflow_messages_published_total', { type: 'order.confirmed' })).toBe(1);
    expect(
      await value('orderflow_messages_published_total', { type: 'inventory.reserve-stock' }),
    ).toBe(1);
    expect(await value('orderflow_publish_confirm_seconds_count')).toBe(2);
  });

  it('counts failed publishes by reason, and times them too', async () => {
    for (const error of [new Error('message nacked'), new Error('timeout'), 'channel closed'])
      tap.published(published({ outcome: 'failed', error }));

    for (const reason of ['nack', 'timeout', 'other'])
      expect(await value('orderflow_publish_failures_total', { reason })).toBe(1);
    expect(await value('orderflow_messages_published_total')).toBe(0);
    expect(await value('orderflow_publish_confirm_seconds_count')).toBe(3);
    expect(failureReason(new Error('Publish timed out'))).toBe('timeout');
  });
});
