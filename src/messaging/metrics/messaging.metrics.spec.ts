import { Registry } from 'prom-client';
import { AppConfig } from '../../common/config/app-config';
import { PREFIX, declarer } from '../consumer/consumer.fixtures';
import { DeadLetterRecord } from '../dead-letters/dead-letter.record';
import { MessageTaps } from '../observability/message-taps';
import { ConfirmedPublisher } from '../outbox/confirmed.publisher';
import { OutboxRegistry } from '../outbox/outbox.registry';
import { sampled } from './metrics.fixtures';
import { MessagingMetrics, deadLetterReason } from './messaging.metrics';

const record = (over: Partial<DeadLetterRecord>) =>
  ({
    queue: `${PREFIX}billing.charge-payment`,
    errorType: 'GatewayUnavailableError',
    permanent: false,
    ...over,
  }) as DeadLetterRecord;

describe('MessagingMetrics', () => {
  let registry: Registry;
  let outbox: { pendingCount: jest.Mock; oldestPendingAt: jest.Mock };
  let store: { pendingCount: jest.Mock; oldestPendingAt: jest.Mock };
  let publisher: { queueDepth: jest.Mock };
  let metrics: MessagingMetrics;
  const value = (name: string, labels: Record<string, string> = {}) =>
    sampled(registry, name, labels);

  beforeEach(() => {
    registry = new Registry();
    // One module's outbox store; the gauges read each store under its module's label.
    outbox = store = {
      pendingCount: jest.fn().mockResolvedValue(0),
      oldestPendingAt: jest.fn().mockResolvedValue(undefined),
    };
    const registryOfStores = { all: () => [['orders', store]] };
    publisher = { queueDepth: jest.fn().mockResolvedValue(0) };
    const config = Object.assign(new AppConfig(), { amqpNamePrefix: PREFIX });
    const names = declarer();
    // Only queues this process declared may become label values.
    names.declared.queues.add(`${PREFIX}billing.charge-payment`);
    metrics = new MessagingMetrics(
      registry,
      config,
      names,
      registryOfStores as unknown as OutboxRegistry,
      publisher as unknown as ConfirmedPublisher,
    );
  });

  it('reads the outbox and the unrouted queue when scraped', async () => {
    outbox.pendingCount.mockResolvedValue(3);
    outbox.oldestPendingAt.mockResolvedValue(new Date(Date.now() - 90_000));
    publisher.queueDepth.mockResolvedValue(2);

    expect(await value('orderflow_outbox_pending_messages', { module: 'orders' })).toBe(3);
    expect(
      await value('orderflow_outbox_oldest_pending_age_seconds', { module: 'orders' }),
    ).toBeCloseTo(90, 0);
    expect(await value('orderflow_unroutable_messages_total')).toBe(2);
    expect(publisher.queueDepth).toHaveBeenCalledWith(declarer().names.unroutedQueue);
  });

  it('reports an empty outbox as age 0, and keeps the last values while a source is away', async () => {
    outbox.pendingCount.mockResolvedValue(4);
    outbox.oldestPendingAt.mockResolvedValue(undefined);
    publisher.queueDepth.mockResolvedValue(5);
    expect(await value('orderflow_outbox_oldest_pending_age_seconds')).toBe(0);

    outbox.pendingCount.mockRejectedValue(new Error('mongo down'));
    outbox.oldestPendingAt.mockRejectedValue(new Error('mongo down'));
    publisher.queueDepth.mockResolvedValue(undefined);
    expect(await value('orderflow_outbox_pending_messages')).toBe(4);
    expect(await value('orderflow_unroutable_messages_total')).toBe(5);
  });

  it('counts dead letters with bounded labels', async () => {
    metrics.deadLettered(record({}));
    metrics.deadLettered(record({ permanent: true }));
    metrics.deadLettered(record({ queue: 'forged-queue', errorType: 'broker:delivery_limit' }));

    const dead = (labels: Record<string, string>) => value('orderflow_dead_letters_total', labels);
    expect(
      await dead({ queue: `${PREFIX}billing.charge-payment`, reason: 'retries_exhausted' }),
    ).toBe(1);
    expect(await dead({ reason: 'permanent' })).toBe(1);
    expect(await dead({ queue: 'unknown', reason: 'delivery_limit' })).toBe(1);
    expect(deadLetterReason(record({ errorType: 'broker:made-up' }))).toBe('other');
  });

  it('taps messages from init to shutdown only', async () => {
    const publication = { exchange: declarer().names.events, routingKey: 'order.confirmed' };
    const publish = () =>
      MessageTaps.published({
        ...publication,
        headers: {},
        content: Buffer.from('{}'),
        outcome: 'confirmed',
        seconds: 0,
      });

    metrics.onModuleInit();
    publish();
    metrics.onApplicationShutdown();
    publish();

    expect(await value('orderflow_messages_published_total')).toBe(1);
    expect(await value('orderflow_orders_total', { status: 'confirmed' })).toBe(1);
  });
});
