import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { IsString } from 'class-validator';
import { AlreadyHandledError } from '../inbox/already-handled.error';
import { DeliveryScope } from '../inbox/delivery-scope';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { FakeChannel, declarer, message } from './consumer.fixtures';
import { FailureRouter } from './failure.router';
import { MessagePipeline } from './message.pipeline';
import { Subscription } from './subscription';

class PlacedContract {
  @IsString()
  orderId: string;
}

const body = () =>
  JSON.stringify({
    messageId: 'm-1',
    type: 'order.placed',
    version: 1,
    occurredAt: '2026-11-23T15:00:00.000Z',
    correlationId: 'c-1',
    payload: { orderId: 'o-1' },
  });

/** The pipeline and the inbox: skip what was handled, and leave the entry to a unit of work. */
describe('MessagePipeline and the inbox', () => {
  let inbox: InMemoryInboxStore;
  let channel: FakeChannel;
  let pipeline: MessagePipeline;
  let calls: object[];
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
      retryDelaysMs: [100],
      invoke: async (payload) => {
        calls.push(payload);
        if (fail !== undefined) throw fail;
      },
    };
  });

  const handle = () => pipeline.handle(sub, message(body()), channel.asChannel);

  it('acks a message this consumer already handled without calling the handler again', async () => {
    await inbox.record('billing', 'm-1');
    expect(await handle()).toBe('ack');
    expect(calls).toEqual([]);
    expect(channel.published).toEqual([]);
  });

  it('handles a message another consumer already handled', async () => {
    await inbox.record('shipping', 'm-1');
    await handle();
    expect(calls).toHaveLength(1);
  });

  it('runs the handler inside the delivery scope of this consumer and message', async () => {
    let seen: unknown;
    sub.invoke = async () => void (seen = DeliveryScope.current());
    await handle();
    expect(seen).toEqual({ consumer: 'billing', messageId: 'm-1', recorded: false });
  });

  it('leaves the inbox entry to a commit that wrote it along with the effects', async () => {
    const record = jest.spyOn(inbox, 'record');
    sub.invoke = async () => {
      inbox.add('billing', 'm-1');
      DeliveryScope.current()!.recorded = true;
    };
    expect(await handle()).toBe('ack');
    expect(record).not.toHaveBeenCalled();
    expect(await inbox.has('billing', 'm-1')).toBe(true);
  });

  it('acks, without retry or dead letter, when the commit finds the message already handled', async () => {
    fail = new AlreadyHandledError('billing', 'm-1');
    expect(await handle()).toBe('ack');
    expect(calls).toHaveLength(1);
    expect(channel.published).toEqual([]);
  });

  it('routes a failure of the inbox itself like a handler failure', async () => {
    inbox.has = () => Promise.reject(new Error('inbox down'));
    expect(await handle()).toBe('ack');
    expect(calls).toEqual([]);
    expect(channel.published.map((p) => [p.exchange, p.options.headers])).toEqual([
      [
        't.orderflow.retry.100ms',
        expect.objectContaining({ 'of-attempt': 1, 'of-error-message': 'inbox down' }),
      ],
    ]);
  });
});
