import type { ConsumeMessage } from 'amqplib';
import { message } from '../consumer/consumer.fixtures';
import { readDeadLetter } from './read-dead-letter';
import { reparkHeaders } from './repark-headers';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const FAILED = '2026-11-27T11:59:00.000Z';
const QUEUE = 'billing.charge-payment';
const DLX = 'orderflow.dead-letter';

/** As the dead-letter queue delivers it: through the dead-letter exchange, under `routingKey`. */
function deadLetter(
  routingKey: string,
  headers: Record<string, unknown>,
  properties: Partial<ConsumeMessage['properties']> = {},
): ConsumeMessage {
  const msg = message('{"n":1}', headers, { messageId: 'm-1', ...properties });
  return { ...msg, fields: { ...msg.fields, exchange: DLX, routingKey } };
}

/** The headers FailureRouter writes; `parked` says which copy it was. */
function ours(parked: boolean, attempt: number): Record<string, unknown> {
  return {
    'of-attempt': attempt,
    'of-error-type': 'Error',
    'of-error-message': 'db down',
    'of-error-stack': 'Error: db down\n    at x',
    'of-permanent': false,
    'of-original-exchange': 'orderflow.commands',
    'of-original-routing-key': 'billing.charge-payment',
    'of-original-queue': QUEUE,
    'of-consumer': 'billing',
    'of-host': 'h:1',
    'of-first-failed-at': '2026-11-27T11:58:00.000Z',
    'of-last-failed-at': FAILED,
    'of-parked': parked,
    tenant: 'acme',
  };
}

describe('readDeadLetter', () => {
  it('reads a copy our retry policy parked from our own headers', () => {
    const r = readDeadLetter(deadLetter(QUEUE, ours(true, 3)), NOW);
    expect(r).toMatchObject({
      messageId: 'm-1',
      type: 'billing.charge-payment',
      queue: QUEUE,
      consumer: 'billing',
      host: 'h:1',
      originalExchange: 'orderflow.commands',
      originalRoutingKey: 'billing.charge-payment',
      errorType: 'Error',
      errorMessage: 'db down',
      errorStack: 'Error: db down\n    at x',
      permanent: false,
      attempts: 3,
      firstFailedAt: new Date('2026-11-27T11:58:00.000Z'),
      lastFailedAt: new Date(FAILED),
      deadLetteredAt: NOW,
      bodyBase64: Buffer.from('{"n":1}').toString('base64'),
      headers: { tenant: 'acme' },
      status: 'PARKED',
      replayCount: 0,
    });
    expect(r.id).toMatch(/^[0-9a-f]{24}$/);
    expect(readDeadLetter(deadLetter(QUEUE, ours(true, 3)), new Date()).id).toBe(r.id);
  });

  it('reads a first delivery the broker dead-lettered without any x-death header', () => {
    const msg = deadLetter('billing.charge-payment', {});
    const r = readDeadLetter(msg, NOW);
    expect(r).toMatchObject({
      queue: 'unknown',
      type: 'billing.charge-payment',
      originalRoutingKey: 'billing.charge-payment',
      originalExchange: undefined,
      errorType: 'broker:delivery_limit',
      permanent: false,
      attempts: 1,
      lastFailedAt: NOW,
      firstFailedAt: NOW,
      replayCount: 0,
    });
    expect(r.errorMessage).toMatch(/^Dead-lettered by the broker \(delivery_limit\)/);
    // Two such copies may come from two queues that share the event type: both are kept.
    expect(readDeadLetter(msg, NOW).id).not.toBe(r.id);
  });

  it('names the queue of a retried message from our headers, not from x-death', () => {
    const msg = deadLetter(QUEUE, ours(false, 2));
    const r = readDeadLetter(msg, NOW);
    expect(r).toMatchObject({
      queue: QUEUE,
      errorType: 'broker:delivery_limit',
      permanent: false,
      attempts: 3,
      lastFailedAt: NOW,
      firstFailedAt: new Date('2026-11-27T11:58:00.000Z'),
    });
    expect(r.errorMessage).toContain('the attempt before failed with: db down');
    expect(readDeadLetter(msg, new Date()).id).toBe(r.id);
  });

  it('takes the routing key as the queue of a replayed message', () => {
    const headers = {
      'of-original-exchange': 'orderflow.events',
      'of-original-routing-key': 'order.placed',
      'of-replayed-at': FAILED,
      'of-replay-count': 2,
    };
    const r = readDeadLetter(deadLetter('orders.order-placed', headers), NOW);
    expect(r).toMatchObject({
      queue: 'orders.order-placed',
      type: 'order.placed',
      originalExchange: 'orderflow.events',
      replayCount: 2,
      errorType: 'broker:delivery_limit',
    });
    const again = readDeadLetter(
      deadLetter('orders.order-placed', { ...headers, 'of-replay-count': 3 }),
      NOW,
    );
    expect(again.id).not.toBe(r.id);
  });

  it('adds what x-death tells where it is present (RabbitMQ 3.x and 4.x)', () => {
    const death = {
      queue: QUEUE,
      reason: 'delivery_limit',
      exchange: 'orderflow.commands',
      count: 1,
      time: { '!': 'timestamp', value: 1_795_000_000 },
    };
    const r = readDeadLetter(
      deadLetter('billing.charge-payment', {
        'x-death': [death],
        'x-first-death-queue': QUEUE,
        'x-first-death-reason': 'delivery_limit',
      }),
      NOW,
    );
    expect(r).toMatchObject({
      queue: QUEUE,
      originalExchange: 'orderflow.commands',
      errorType: 'broker:delivery_limit',
      lastFailedAt: new Date(1_795_000_000_000),
      headers: {},
    });
  });

  it('reads the x-last-death headers, and no retry queue expiry as the place of death', () => {
    const lastOnly = readDeadLetter(
      deadLetter('e', { 'x-last-death-queue': 'q1', 'x-last-death-reason': 'rejected' }),
      NOW,
    );
    expect([lastOnly.queue, lastOnly.errorType]).toEqual(['q1', 'broker:rejected']);
    const expired = readDeadLetter(
      deadLetter('e', {
        'x-first-death-queue': 'orderflow.retry.100ms.wait',
        'x-first-death-reason': 'expired',
        'x-first-death-exchange': 'orderflow.retry.100ms',
      }),
      NOW,
    );
    expect(expired).toMatchObject({
      queue: 'unknown',
      originalExchange: undefined,
      errorType: 'broker:delivery_limit',
    });
    const first = readDeadLetter(
      deadLetter('e', { 'x-first-death-queue': 'q2', 'x-first-death-reason': 'delivery_limit' }),
      NOW,
    );
    expect(first.queue).toBe('q2');
  });

  it('reads a forged or garbled x-death as absent', () => {
    for (const forged of ['not-a-list', [{ queue: 1, reason: {}, time: 'yesterday' }], [null]]) {
      const r = readDeadLetter(deadLetter('e', { 'x-death': forged }), NOW);
      expect(r).toMatchObject({ queue: 'unknown', errorType: 'broker:delivery_limit' });
      expect(r.lastFailedAt).toEqual(NOW);
    }
  });

  it('takes a copy parked before the of-parked marker existed as ours', () => {
    const legacy = ours(true, 4);
    delete legacy['of-parked'];
    expect(readDeadLetter(deadLetter(QUEUE, legacy), NOW)).toMatchObject({
      errorType: 'Error',
      attempts: 4,
    });
    const byBroker = { ...legacy, 'x-death': [{ queue: QUEUE, reason: 'delivery_limit' }] };
    expect(readDeadLetter(deadLetter(QUEUE, byBroker), NOW).errorType).toBe(
      'broker:delivery_limit',
    );
  });

  it('takes the id a re-parked copy states, when it is one of ours', () => {
    const id = 'abcdef0123456789abcdef01';
    expect(readDeadLetter(deadLetter(QUEUE, { 'of-dead-letter-id': id }), NOW).id).toBe(id);
    const forged = readDeadLetter(deadLetter(QUEUE, { 'of-dead-letter-id': 'x' }), NOW);
    expect(forged.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it.each([
    ['parked by us', QUEUE, ours(true, 3)],
    ['dead-lettered by the broker', 'billing.charge-payment', { 'x-death': [{ queue: QUEUE }] }],
    ['dead-lettered from a queue nobody names', 'billing.charge-payment', {}],
  ])('reads a re-parked copy of a dead letter %s as the same record', (_kind, key, headers) => {
    const original = deadLetter(key, headers, { type: 'billing.charge-payment' });
    const record = readDeadLetter(original, NOW);
    const copy = deadLetter(key, reparkHeaders(original.properties.headers, record), {
      type: 'billing.charge-payment',
    });
    const later = new Date(NOW.getTime() + 60_000);
    expect(readDeadLetter(copy, later)).toEqual({ ...record, deadLetteredAt: later });
    expect(Object.keys(copy.properties.headers ?? {}).some((k) => k.startsWith('x-'))).toBe(false);
  });
});
