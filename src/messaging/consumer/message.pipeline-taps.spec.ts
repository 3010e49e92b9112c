import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { IsString } from 'class-validator';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { Delivery, Handled } from '../observability/message-tap';
import { MessageTaps } from '../observability/message-taps';
import { FakeChannel, declarer, message } from './consumer.fixtures';
import { FailureRouter } from './failure.router';
import { MessagePipeline } from './message.pipeline';
import { PermanentError } from './permanent.error';
import { Subscription } from './subscription';

class Placed {
  @IsString()
  orderId: string;
}

const envelope = {
  messageId: 'm-1',
  type: 'order.placed',
  version: 1,
  occurredAt: '2026-11-23T15:00:00.000Z',
  correlationId: 'c-1',
  payload: { orderId: 'o-1' },
};
const body = JSON.stringify(envelope);

/** What the taps are told: every delivery once, with the outcome FailureRouter chose. */
describe('MessagePipeline, as its taps see it', () => {
  let inbox: InMemoryInboxStore;
  let channel: FakeChannel;
  let pipeline: MessagePipeline;
  let fail: unknown;
  let seen: Handled[];
  let wrapped: Delivery[];
  let unregister: () => void;
  const sub: Subscription = {
    consumer: 'billing',
    eventType: 'order.placed',
    queue: 'billing.order-placed',
    contract: Placed,
    retryDelaysMs: [100, 200],
    invoke: async () => {
      if (fail !== undefined) throw fail;
    },
  };

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    inbox = new InMemoryInboxStore();
    channel = new FakeChannel();
    pipeline = new MessagePipeline(inbox, new FailureRouter(declarer()));
    fail = undefined;
    seen = [];
    wrapped = [];
    unregister = MessageTaps.register({
      handled: (h) => seen.push(h),
      around: (d, run) => (wrapped.push({ ...d }), run()),
    });
  });
  afterEach(() => unregister());

  const handle = (content: string, headers?: Record<string, unknown>) =>
    pipeline.handle(sub, message(content, headers), channel.asChannel);
  const outcomes = () => seen.map((h) => [h.outcome, h.attempt]);

  it('tells an acked delivery with its envelope, queue, headers and a handling time', async () => {
    expect(await handle(body, { tenant: 'a' })).toBe('ack');
    expect(seen).toHaveLength(1);
    const [h] = seen;
    expect(h).toMatchObject({
      consumer: 'billing',
      queue: 'billing.order-placed',
      type: 'order.placed',
      headers: { tenant: 'a' },
      attempt: 0,
      outcome: 'ack',
      envelope: expect.objectContaining({ messageId: 'm-1', correlationId: 'c-1' }),
    });
    expect(h.error).toBeUndefined();
    expect(h.seconds).toBeGreaterThanOrEqual(0);
    expect(h.seconds).toBeLessThan(5);
    // The handling ran inside the taps, with the decoded envelope.
    expect(wrapped).toEqual([expect.objectContaining({ envelope: h.envelope })]);
  });

  it('tells a redelivery of a handled message as a duplicate', async () => {
    await handle(body);
    await handle(body);
    expect(outcomes()).toEqual([
      ['ack', 0],
      ['duplicate', 0],
    ]);
  });

  it('tells a transient failure with attempts left as a retry, the last one as a dead letter', async () => {
    fail = new Error('db down');
    await handle(body);
    await handle(body, { 'of-attempt': 1 });
    await handle(body, { 'of-attempt': 2 });
    expect(outcomes()).toEqual([
      ['retry', 0],
      ['retry', 1],
      ['dead_letter', 2],
    ]);
    expect(seen.map((h) => h.error)).toEqual([fail, fail, fail]);
  });

  it('tells a permanent failure as a dead letter at once', async () => {
    fail = new PermanentError('no such order');
    await handle(body);
    expect(outcomes()).toEqual([['dead_letter', 0]]);
  });

  it('tells an unreadable message as rejected, never wrapping a handling that never ran', async () => {
    await handle('not json');
    expect(seen).toEqual([expect.objectContaining({ outcome: 'rejected', attempt: 0 })]);
    expect(seen[0].envelope).toBeUndefined();
    expect(seen[0].error).toBeInstanceOf(Error);
    expect(wrapped).toEqual([]);
  });

  it('tells a failure that could not be parked as a requeue', async () => {
    fail = new Error('db down');
    channel.nack = new Error('nacked');
    expect(await handle(body)).toBe('requeue');
    expect(outcomes()).toEqual([['requeue', 0]]);
  });
});
