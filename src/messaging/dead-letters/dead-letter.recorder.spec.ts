import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { Logger } from '@nestjs/common';
import type { ConsumeMessage } from 'amqplib';
import { FakeChannel, declarer, message } from '../consumer/consumer.fixtures';
import { DeadLetterRecord } from './dead-letter.record';
import { DeadLetterRecorder, SAVE_BACKOFF_MS } from './dead-letter.recorder';
import { InMemoryDeadLetterStore } from './in-memory-dead-letter.store';

/** A store that refuses the first `failures` saves, as MongoDB does while it is away. */
class FlakyStore extends InMemoryDeadLetterStore {
  saves = 0;
  constructor(private failures: number) {
    super();
  }
  override async save(record: DeadLetterRecord): Promise<void> {
    this.saves++;
    if (this.failures-- > 0) throw new Error('store down');
    await super.save(record);
  }
}

/** A dead letter the broker made itself, with no x-death: a crash-looping first delivery. */
function crashLooped(): ConsumeMessage {
  const msg = message('{"n":1}', undefined, { messageId: 'm-1', type: 'billing.charge-payment' });
  return { ...msg, fields: { ...msg.fields, routingKey: 'billing.charge-payment' } };
}

const WAITED = SAVE_BACKOFF_MS.reduce((a, b) => a + b, 0);

describe('DeadLetterRecorder', () => {
  let channel: FakeChannel;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    channel = new FakeChannel();
  });
  afterEach(() => jest.useRealTimers());

  const recorderWith = (store: InMemoryDeadLetterStore) =>
    new DeadLetterRecorder({} as AmqpConnection, declarer(), store);

  it('stores a dead letter and acks it', async () => {
    const store = new FlakyStore(0);
    expect(await recorderWith(store).record(crashLooped(), channel.asChannel)).toBe('ack');
    const { items } = await store.list({}, 0, 10);
    expect(items.map((r) => [r.messageId, r.errorType])).toEqual([
      ['m-1', 'broker:delivery_limit'],
    ]);
    expect(channel.published).toEqual([]);
  });

  it('holds the message and tries again while the store is away', async () => {
    const store = new FlakyStore(SAVE_BACKOFF_MS.length);
    const settled = recorderWith(store).record(crashLooped(), channel.asChannel);
    await jest.advanceTimersByTimeAsync(WAITED);
    expect(await settled).toBe('ack');
    expect(store.saves).toBe(SAVE_BACKOFF_MS.length + 1);
    expect((await store.list({}, 0, 10)).total).toBe(1);
    expect(channel.published).toEqual([]);
  });

  it('never requeues: it re-parks a fresh copy that later becomes the same record', async () => {
    const store = new FlakyStore(Infinity);
    const recorder = recorderWith(store);
    const settled = recorder.record(crashLooped(), channel.asChannel);
    await jest.advanceTimersByTimeAsync(WAITED);
    expect(await settled).toBe('ack');
    expect(store.saves).toBe(SAVE_BACKOFF_MS.length + 1);
    expect(channel.published.map((p) => [p.exchange, p.routingKey])).toEqual([
      ['t.orderflow.dead-letter', 'billing.charge-payment'],
    ]);
    const [copy] = channel.published;
    expect(copy.options).toMatchObject({
      persistent: true,
      messageId: 'm-1',
      type: 'billing.charge-payment',
      headers: { 'of-parked': true, 'of-error-type': 'broker:delivery_limit' },
    });
    const id = copy.options.headers?.['of-dead-letter-id'] as string;
    const later = message(copy.content, copy.options.headers, { messageId: 'm-1' });
    const healthy = new FlakyStore(0);
    expect(await recorderWith(healthy).record(later, channel.asChannel)).toBe('ack');
    expect((await healthy.get(id))?.errorType).toBe('broker:delivery_limit');
  });

  it('re-parks at once what it holds when the app shuts down', async () => {
    const store = new FlakyStore(Infinity);
    const recorder = recorderWith(store);
    const settled = recorder.record(crashLooped(), channel.asChannel);
    await jest.advanceTimersByTimeAsync(SAVE_BACKOFF_MS[0]);
    await recorder.beforeApplicationShutdown();
    expect(await settled).toBe('ack');
    // Woken from its second wait, it tries once more, then re-parks without waiting again.
    expect(store.saves).toBe(3);
    expect(channel.published).toHaveLength(1);
  });

  it('hands the message back only when the broker refuses the copy as well', async () => {
    channel.nack = new Error('nacked');
    const settled = recorderWith(new FlakyStore(Infinity)).record(crashLooped(), channel.asChannel);
    await jest.advanceTimersByTimeAsync(WAITED);
    expect(await settled).toBe('requeue');
  });
});
