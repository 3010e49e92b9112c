import { Logger } from '@nestjs/common';
import {
  boot,
  deferred,
  elapse,
  EVENTS_EXCHANGE,
  message,
  messages,
  RelayRig,
  relayRig,
  shutdown,
} from './outbox-relay.fixtures';

describe('OutboxRelay', () => {
  let rig: RelayRig;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers();
    rig = relayRig();
    rig.drain.resolve();
  });
  afterEach(() => jest.useRealTimers());

  it('publishes an appended event at once to the events exchange, then marks it sent', async () => {
    const orders = rig.store('orders');
    rig.ready.resolve();
    await boot(rig);

    orders.append([message('m-1', '2026-03-01T10:00:00.999Z')]);
    await elapse();

    expect(rig.publisher.calls).toEqual([
      {
        exchange: EVENTS_EXCHANGE,
        routingKey: 'order.placed',
        body: JSON.stringify({ messageId: 'm-1' }),
        options: {
          messageId: 'm-1',
          type: 'order.placed',
          correlationId: 'c-m-1',
          contentType: 'application/json',
          timestamp: Date.parse('2026-03-01T10:00:00.000Z') / 1000,
        },
      },
    ]);
    expect(orders.sent).toEqual([['m-1']]);
    expect(orders.released).toEqual([[]]);
    expect(rig.relay.published).toBe(1);
    expect(await orders.pendingCount()).toBe(0);
    await shutdown(rig);
  });

  it('does not back off after a confirmed pass: the next event leaves at once too', async () => {
    const orders = rig.store('orders');
    rig.ready.resolve();
    await boot(rig);

    orders.append([message('m-1')]);
    await elapse();
    orders.append([message('m-2')]);
    await elapse();

    expect(rig.publisher.ids()).toEqual(['m-1', 'm-2']);
    expect(rig.relay.published).toBe(2);
    await shutdown(rig);
  });

  it('survives a confirm that arrives before it ever went idle', async () => {
    const orders = rig.store('orders');
    const billing = rig.store('billing');
    const slowClaim = deferred();
    billing.claim = async () => {
      await slowClaim.promise;
      return [];
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    orders.append([message('m-1')]);
    rig.ready.resolve();

    await boot(rig);
    expect(rig.relay.published).toBe(1);
    slowClaim.resolve();
    await elapse();
    process.off('unhandledRejection', onUnhandled);

    expect(unhandled).toEqual([]);
    await shutdown(rig);
  });

  it('publishes nothing before its own queues are declared', async () => {
    const orders = rig.store('orders');
    await boot(rig);
    orders.append([message('m-1')]);
    await elapse(5000);
    expect(rig.publisher.calls).toHaveLength(0);

    rig.ready.resolve();
    await elapse();

    expect(rig.publisher.ids()).toEqual(['m-1']);
    await shutdown(rig);
  });

  it('takes an event appended in the very tick it starts, without throwing', async () => {
    const orders = rig.store('orders');
    rig.ready.resolve();
    rig.relay.onApplicationBootstrap();

    expect(() => orders.append([message('m-1')])).not.toThrow();
    await elapse();

    expect(rig.publisher.ids()).toEqual(['m-1']);
    await shutdown(rig);
  });

  it('finds an event appended without notice at its next poll, one second on', async () => {
    const quiet = rig.store('quiet', false);
    rig.ready.resolve();
    await boot(rig);

    quiet.append([message('m-1')]);
    await elapse(999);
    expect(rig.publisher.calls).toHaveLength(0);
    await elapse(1);

    expect(rig.publisher.ids()).toEqual(['m-1']);
    await shutdown(rig);
  });

  it('goes round again at once when an event is appended while it claims', async () => {
    const orders = rig.store('orders', false);
    const billing = rig.store('billing');
    rig.ready.resolve();
    await boot(rig);
    billing.onClaim = () => {
      billing.onClaim = undefined;
      orders.append([message('m-1')]);
      rig.registry.notifyAppended();
    };

    await elapse(1000);

    expect(rig.publisher.ids()).toEqual(['m-1']);
    await shutdown(rig);
  });

  it('keeps at most 1000 events unconfirmed, claiming at most 200 at a time', async () => {
    const orders = rig.store('orders');
    const billing = rig.store('billing');
    rig.publisher.hold = true;
    orders.append(messages('o', 1001));
    billing.append([message('b-1')]);
    rig.ready.resolve();
    await boot(rig);
    await elapse(3000);

    expect(orders.limits).toEqual([200, 200, 200, 200, 199]);
    expect(billing.limits).toEqual([200, 200, 200, 199]);
    expect(rig.publisher.calls).toHaveLength(1000);
    expect(rig.relay.published).toBe(0);

    rig.publisher.confirmHeld();
    await elapse();
    rig.publisher.confirmHeld();
    await elapse();

    expect(rig.publisher.calls).toHaveLength(1002);
    expect(rig.relay.published).toBe(1002);
    expect(await orders.pendingCount()).toBe(0);
    await shutdown(rig);
  });
});
