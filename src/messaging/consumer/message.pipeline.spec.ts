import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { IsInt, IsString, Min } from 'class-validator';
import { CorrelationContext, CorrelationScope } from '../../common/correlation/correlation.context';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { FakeChannel, declarer, message } from './consumer.fixtures';
import { EventContext } from './event-context';
import { FailureRouter } from './failure.router';
import { MessagePipeline } from './message.pipeline';
import { Subscription } from './subscription';

class PlacedContract {
  @IsString()
  orderId: string;

  @IsInt()
  @Min(1)
  total: number;
}

const envelope = {
  messageId: 'm-1',
  type: 'order.placed',
  version: 1,
  occurredAt: '2026-11-23T15:00:00.000Z',
  correlationId: 'c-1',
  payload: { orderId: 'o-1', total: 500 },
};
const body = (e: object = envelope) => JSON.stringify(e);

interface Call {
  payload: object;
  context: EventContext;
  scope?: CorrelationScope;
}

describe('MessagePipeline', () => {
  let inbox: InMemoryInboxStore;
  let channel: FakeChannel;
  let pipeline: MessagePipeline;
  let calls: Call[];
  let fail: unknown;
  let sub: Subscription;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    inbox = new InMemoryInboxStore();
    channel = new FakeChannel();
    pipeline = new MessagePipeline(inbox, new FailureRouter(declarer()));
    calls = [];
    fail = undefined;
    sub = {
      consumer: 'billing',
      eventType: 'order.placed',
      queue: 'billing.order-placed',
      contract: PlacedContract,
      retryDelaysMs: [100, 200, 400],
      invoke: async (payload, context) => {
        calls.push({ payload, context, scope: CorrelationContext.current() });
        if (fail !== undefined) throw fail;
      },
    };
  });

  const handle = (content: string | Buffer, headers?: Record<string, unknown>) =>
    pipeline.handle(sub, message(content, headers), channel.asChannel);
  const parked = () => channel.published.map((p) => [p.exchange, p.options.headers]);

  it('hands the validated payload and its context to the handler, then remembers it', async () => {
    expect(await handle(body())).toBe('ack');
    expect(calls).toHaveLength(1);
    const [{ payload, context, scope }] = calls;
    expect(payload).toBeInstanceOf(PlacedContract);
    expect(payload).toEqual({ orderId: 'o-1', total: 500 });
    expect(context.getArgs()).toEqual([envelope, { queue: 'billing.order-placed', attempt: 0 }]);
    // The order the payload names goes on every log line the handler writes.
    expect(scope).toEqual({ correlationId: 'c-1', causationId: 'm-1', orderId: 'o-1' });
    expect(await inbox.has('billing', 'm-1')).toBe(true);
    expect(channel.published).toEqual([]);
  });

  it('reads the body as UTF-8', async () => {
    const e = { ...envelope, payload: { orderId: 'Zürich-ö', total: 1 } };
    await handle(Buffer.from(body(e), 'utf8'));
    expect(calls[0].payload).toEqual({ orderId: 'Zürich-ö', total: 1 });
  });

  it('tells the handler which retry this is', async () => {
    await handle(body(), { 'of-attempt': 2, 'of-replay-count': 5 });
    expect(calls[0].context.attempt).toBe(2);
  });

  it('routes a transient handler failure to the retry of its attempt, unremembered', async () => {
    fail = new Error('db down');
    expect(await handle(body(), { 'of-attempt': 1 })).toBe('ack');
    expect(parked()).toEqual([
      ['t.orderflow.retry.200ms', expect.objectContaining({ 'of-attempt': 2 })],
    ]);
    expect(await inbox.has('billing', 'm-1')).toBe(false);
  });

  it('requeues when the failed message cannot be parked', async () => {
    fail = new Error('db down');
    channel.nack = new Error('nacked');
    expect(await handle(body())).toBe('requeue');
  });

  const deadLettered = async (
    content: string,
    headers: Record<string, unknown> | undefined,
    type: string,
    message: string,
  ) => {
    expect(await handle(content, headers)).toBe('ack');
    expect(calls).toEqual([]);
    expect(parked()).toEqual([
      [
        't.orderflow.dead-letter',
        expect.objectContaining({
          'of-attempt': 1,
          'of-error-type': type,
          'of-error-message': message,
          'of-permanent': true,
        }),
      ],
    ]);
  };

  it('dead-letters a message with a malformed attempt counter', () =>
    deadLettered(
      body(),
      { 'of-attempt': 'two' },
      'MalformedMessageError',
      'Header of-attempt must be a whole number from 0 to 100, got "two"',
    ));

  it('dead-letters a message with a replay count past its bound', () =>
    deadLettered(
      body(),
      { 'of-replay-count': 1001 },
      'MalformedMessageError',
      'Header of-replay-count must be a whole number from 0 to 1000, got "1001"',
    ));

  it('dead-letters a body nested deeper than allowed before parsing it', () =>
    deadLettered(
      '['.repeat(33) + ']'.repeat(33),
      undefined,
      'MalformedMessageError',
      'Body is nested deeper than 32 levels',
    ));

  it('accepts a body nested exactly as deep as allowed', async () => {
    let nested: object = { leaf: true };
    for (let i = 0; i < 29; i++) nested = { nested }; // envelope, payload, extra: 32 in all
    await handle(body({ ...envelope, payload: { orderId: 'o-1', total: 1, extra: nested } }));
    expect(calls).toHaveLength(1);
  });

  it('dead-letters a body that is not JSON', () => {
    let reason = '';
    try {
      JSON.parse('{not json');
    } catch (error) {
      reason = (error as Error).message;
    }
    return deadLettered(
      '{not json',
      undefined,
      'MalformedMessageError',
      `Body is not JSON: ${reason}`,
    );
  });

  it('dead-letters a body that is no envelope', () =>
    deadLettered(
      body({ ...envelope, messageId: '' }),
      undefined,
      'ContractViolationError',
      'Envelope breaks its contract: messageId must be a non-empty string',
    ));

  it('dead-letters an event of another type than subscribed', () =>
    deadLettered(
      body({ ...envelope, type: 'order.cancelled' }),
      undefined,
      'ContractViolationError',
      'Unexpected event type: expected order.placed, got order.cancelled',
    ));

  it('dead-letters a payload that breaks its contract, naming the event type', () =>
    deadLettered(
      body({ ...envelope, payload: { orderId: 'o-1', total: 0 } }),
      undefined,
      'ContractViolationError',
      'order.placed payload breaks its contract: total: total must not be less than 1',
    ));
});
