import { Logger } from '@nestjs/common';
import { boot, elapse, message, RelayRig, relayRig, shutdown } from './outbox-relay.fixtures';

describe('OutboxRelay shutdown', () => {
  let rig: RelayRig;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers();
    rig = relayRig();
  });
  afterEach(() => jest.useRealTimers());

  it('drains the consumers first, publishing what their handlers still write meanwhile', async () => {
    const orders = rig.store('orders');
    rig.ready.resolve();
    await boot(rig);

    let done = false;
    void rig.relay.beforeApplicationShutdown().then(() => (done = true));
    await elapse(5000);
    expect(rig.drained()).toBe(true);
    orders.append([message('m-1')]);
    await elapse();
    expect(rig.publisher.ids()).toEqual(['m-1']);
    expect(done).toBe(false);

    rig.drain.resolve();
    await elapse();

    expect(done).toBe(true);
    expect(rig.relay.published).toBe(1);
  });

  it('waits for the confirm of every event still in flight', async () => {
    const orders = rig.store('orders');
    rig.publisher.hold = true;
    rig.ready.resolve();
    rig.drain.resolve();
    await boot(rig);
    orders.append([message('m-1')]);
    await elapse();

    let done = false;
    void rig.relay.beforeApplicationShutdown().then(() => (done = true));
    await elapse(5000);
    expect(done).toBe(false);

    rig.publisher.confirmHeld();
    await elapse(50);

    expect(done).toBe(true);
    expect(rig.relay.published).toBe(1);
    expect(await orders.pendingCount()).toBe(0);
  });

  it('flushes what is left in every outbox at once when the loop stops, if the broker is up', async () => {
    const orders = rig.store('orders');
    const billing = rig.store('billing');
    const quiet = rig.store('quiet');
    rig.publisher.connected = false;
    rig.ready.resolve();
    rig.drain.resolve();
    await boot(rig);
    orders.append([message('o-1')]);
    billing.append([message('b-1'), message('b-2')]);
    await elapse();

    rig.publisher.connected = true;
    let done = false;
    void rig.relay.beforeApplicationShutdown().then(() => (done = true));
    await elapse();

    expect(done).toBe(true);
    expect(rig.publisher.ids()).toEqual(['o-1', 'b-1', 'b-2']);
    expect(orders.sent).toEqual([['o-1']]);
    expect(billing.sent).toEqual([['b-1', 'b-2']]);
    expect(quiet.sent).toEqual([]);
    expect(rig.relay.published).toBe(3);
    expect(await rig.registry.pendingCount()).toBe(0);
  });

  it('retries the flush every 200 ms for ten seconds, then leaves the rest for the next start', async () => {
    const orders = rig.store('orders');
    rig.publisher.connected = false;
    rig.publisher.refuse.add('m-1');
    rig.ready.resolve();
    rig.drain.resolve();
    await boot(rig);
    orders.append([message('m-1')]);
    await elapse();

    rig.publisher.connected = true;
    const took = await shutdown(rig);

    expect(rig.publisher.calls).toHaveLength(50);
    expect(orders.released).toHaveLength(50);
    expect(took).toBe(10_000);
    expect(rig.relay.published).toBe(0);
    expect(await orders.pendingCount()).toBe(1);
  });

  it('paces the flush at 200 ms while pending events cannot be claimed, instead of spinning', async () => {
    // A row this relay cannot claim (another replica's lease; in memory, a failed markSent).
    const orders = rig.store('orders');
    orders.failMarkSent = true;
    rig.ready.resolve();
    rig.drain.resolve();
    await boot(rig);
    orders.append([message('m-1')]);
    await elapse();
    expect(rig.publisher.ids()).toEqual(['m-1']);
    const claimsBefore = orders.limits.length;

    const took = await shutdown(rig);

    expect(took).toBe(10_000);
    expect(orders.limits.length - claimsBefore).toBe(50);
    expect(await orders.pendingCount()).toBe(1);
  });

  it('leaves the outboxes untouched when the broker is away at shutdown', async () => {
    const orders = rig.store('orders');
    rig.publisher.connected = false;
    rig.ready.resolve();
    rig.drain.resolve();
    await boot(rig);
    orders.append([message('m-1')]);

    await shutdown(rig);

    expect(orders.limits).toEqual([]);
    expect(rig.publisher.calls).toHaveLength(0);
    expect(await orders.pendingCount()).toBe(1);
  });

  it('still shuts down, and flushes, when its queues never became ready', async () => {
    const orders = rig.store('orders');
    rig.drain.resolve();
    await boot(rig);
    orders.append([message('m-1')]);

    await shutdown(rig);

    expect(rig.publisher.ids()).toEqual(['m-1']);
    expect(rig.relay.published).toBe(1);
  });

  it('leaves no timer running once shut down', async () => {
    rig.store('orders');
    rig.ready.resolve();
    rig.drain.resolve();
    await boot(rig);
    await elapse(300);

    await rig.relay.beforeApplicationShutdown();

    expect(jest.getTimerCount()).toBe(0);
  });
});
