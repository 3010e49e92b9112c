import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { FakeChannel, declarer, message } from './consumer.fixtures';
import { FailureRouter } from './failure.router';
import { PermanentError } from './permanent.error';

const NOW = '2026-11-23T15:00:00.000Z';
const where = { queue: 'billing.order-placed', consumer: 'billing', retryDelaysMs: [100, 200] };
const body = '{"messageId":"m-1"}';

describe('FailureRouter', () => {
  let channel: FakeChannel;
  const router = new FailureRouter(declarer());

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(NOW), doNotFake: ['nextTick', 'queueMicrotask'] });
    channel = new FakeChannel();
  });
  afterEach(() => jest.useRealTimers());

  it('parks a transient failure with attempts left on the retry queue of its delay', async () => {
    const error = new Error('db down');
    const msg = message(body, undefined, {
      contentType: 'application/json',
      contentEncoding: 'utf-8',
      messageId: 'm-1',
      correlationId: 'c-1',
      type: 'order.placed',
      timestamp: 1700000000,
      appId: 'orders',
      priority: 9,
    });
    expect(await router.route(channel.asChannel, msg, where, error, 0)).toBe('ack');
    expect(channel.published).toEqual([
      {
        exchange: 't.orderflow.retry.100ms',
        routingKey: 'billing.order-placed',
        content: Buffer.from(body),
        options: {
          persistent: true,
          contentType: 'application/json',
          contentEncoding: 'utf-8',
          messageId: 'm-1',
          correlationId: 'c-1',
          type: 'order.placed',
          timestamp: 1700000000,
          appId: 'orders',
          headers: {
            'of-attempt': 1,
            'of-error-type': 'Error',
            'of-error-message': 'db down',
            'of-error-stack': error.stack,
            'of-permanent': false,
            'of-original-exchange': 'orderflow.events',
            'of-original-routing-key': 'order.placed',
            'of-original-queue': 'billing.order-placed',
            'of-consumer': 'billing',
            'of-host': `${hostname()}:${process.pid}`,
            'of-first-failed-at': NOW,
            'of-last-failed-at': NOW,
            'of-parked': false,
          },
        },
      },
    ]);
  });

  it('takes the delay of the next step and counts the failure on top of the previous ones', async () => {
    await router.route(channel.asChannel, message(body), where, new Error('again'), 1);
    expect(channel.published[0].exchange).toBe('t.orderflow.retry.200ms');
    expect(channel.published[0].options.headers?.['of-attempt']).toBe(2);
  });

  it('dead-letters a transient failure once the policy has no step left', async () => {
    const result = await router.route(channel.asChannel, message(body), where, new Error('x'), 2);
    expect(result).toBe('ack');
    expect(channel.published.map((p) => [p.exchange, p.routingKey])).toEqual([
      ['t.orderflow.dead-letter', 'billing.order-placed'],
    ]);
    expect(channel.published[0].options.headers).toMatchObject({
      'of-attempt': 3,
      'of-permanent': false,
      'of-parked': true,
    });
  });

  it('dead-letters a permanent failure at once, with attempts left', async () => {
    const error = new PermanentError('unknown sku');
    await router.route(channel.asChannel, message(body), where, error, 0);
    expect(channel.published.map((p) => p.exchange)).toEqual(['t.orderflow.dead-letter']);
    expect(channel.published[0].options.headers).toMatchObject({
      'of-attempt': 1,
      'of-error-type': 'PermanentError',
      'of-error-message': 'unknown sku',
      'of-permanent': true,
      'of-parked': true,
    });
  });

  it('keeps plain headers of the failed message and drops broker x- headers and tables', async () => {
    const msg = message(body, {
      tenant: 'acme',
      priority: 3,
      urgent: true,
      'x-death': 'broker',
      'x-first-death-queue': 'q',
      'trace-x-': 'kept',
      table: { a: 1 },
      bytes: Buffer.from('b'),
      'of-attempt': 1,
    });
    await router.route(channel.asChannel, msg, where, new Error('x'), 1);
    const headers = channel.published[0].options.headers ?? {};
    expect(Object.keys(headers).filter((k) => !k.startsWith('of-'))).toEqual([
      'tenant',
      'priority',
      'urgent',
      'trace-x-',
    ]);
    expect(headers).toMatchObject({ tenant: 'acme', priority: 3, urgent: true, 'of-attempt': 2 });
  });

  it('keeps where and when the message first failed across retries', async () => {
    const msg = message(body, {
      'of-original-exchange': Buffer.from('orderflow.redeliver'),
      'of-original-routing-key': 'billing.order-placed',
      'of-first-failed-at': '2026-11-23T14:00:00.000Z',
    });
    await router.route(channel.asChannel, msg, where, new Error('x'), 1);
    expect(channel.published[0].options.headers).toMatchObject({
      'of-original-exchange': 'orderflow.redeliver',
      'of-original-routing-key': 'billing.order-placed',
      'of-first-failed-at': '2026-11-23T14:00:00.000Z',
      'of-last-failed-at': NOW,
    });
  });

  it('marks only the parked copy as parked, whatever the failed message said', async () => {
    const forged = message(body, { 'of-parked': true });
    await router.route(channel.asChannel, forged, where, new Error('x'), 0);
    await router.route(
      channel.asChannel,
      message(body, { 'of-parked': false }),
      where,
      new Error('x'),
      2,
    );
    expect(channel.published.map((p) => [p.exchange, p.options.headers?.['of-parked']])).toEqual([
      ['t.orderflow.retry.100ms', false],
      ['t.orderflow.dead-letter', true],
    ]);
  });

  it('restarts the first-failure time when the recorded one is garbled', async () => {
    const msg = message(body, { 'of-first-failed-at': 'long ago' });
    await router.route(channel.asChannel, msg, where, new Error('x'), 0);
    expect(channel.published[0].options.headers?.['of-first-failed-at']).toBe(NOW);
  });

  it('cuts the error message and stack to their header limits', async () => {
    const error = new Error('m'.repeat(1500));
    error.stack = 's'.repeat(5000);
    await router.route(channel.asChannel, message(body), where, error, 0);
    expect(channel.published[0].options.headers).toMatchObject({
      'of-error-message': 'm'.repeat(1000),
      'of-error-stack': 's'.repeat(4000),
    });
  });

  it('describes a thrown non-Error by its type and text, with an empty stack', async () => {
    await router.route(channel.asChannel, message(body), where, 'oops', 0);
    expect(channel.published[0].options.headers).toMatchObject({
      'of-error-type': 'string',
      'of-error-message': 'oops',
      'of-error-stack': '',
      'of-permanent': false,
    });
  });

  it('requeues the original when the broker refuses the parked copy', async () => {
    channel.nack = new Error('nacked');
    expect(await router.route(channel.asChannel, message(body), where, new Error('x'), 0)).toBe(
      'requeue',
    );
    const permanent = new PermanentError('x');
    expect(await router.route(channel.asChannel, message(body), where, permanent, 0)).toBe(
      'requeue',
    );
  });

  it('requeues the original when the channel cannot publish at all', async () => {
    channel.closed = new Error('channel closed');
    expect(await router.route(channel.asChannel, message(body), where, new Error('x'), 0)).toBe(
      'requeue',
    );
    expect(channel.published).toEqual([]);
  });
});
