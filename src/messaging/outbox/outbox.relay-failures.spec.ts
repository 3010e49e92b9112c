import { Logger } from '@nestjs/common';
import { boot, elapse, message, RelayRig, relayRig, shutdown } from './outbox-relay.fixtures';

describe('OutboxRelay failures', () => {
  let rig: RelayRig;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers();
    rig = relayRig();
    rig.drain.resolve();
  });
  afterEach(() => jest.useRealTimers());

  it('marks sent only what was confirmed and retries the rest after a one-second back-off', async () => {
    const orders = rig.store('orders');
    rig.publisher.refuse.add('m-2');
    rig.ready.resolve();
    await boot(rig);

    orders.append([message('m-1'), message('m-2'), message('m-3')]);
    await elapse();
    expect(rig.publisher.ids()).toEqual(['m-1', 'm-2', 'm-3']);
    expect(orders.sent).toEqual([['m-1', 'm-3']]);
    expect(orders.released).toEqual([['m-2']]);
    expect(rig.relay.published).toBe(2);
    expect(await orders.pendingCount()).toBe(1);

    rig.publisher.refuse.clear();
    await elapse(999);
    expect(rig.publisher.calls).toHaveLength(3);
    await elapse(1);

    expect(rig.publisher.ids()).toEqual(['m-1', 'm-2', 'm-3', 'm-2']);
    expect(rig.relay.published).toBe(3);
    expect(await orders.pendingCount()).toBe(0);
    await shutdown(rig);
  });

  it('leaves the outbox alone while the broker is away and resumes within a second of its return', async () => {
    const orders = rig.store('orders');
    rig.publisher.connected = false;
    rig.ready.resolve();
    await boot(rig);

    orders.append([message('m-1')]);
    await elapse(5000);
    expect(orders.limits).toEqual([]);
    expect(rig.publisher.calls).toHaveLength(0);

    rig.publisher.connected = true;
    await elapse(1000);

    expect(rig.publisher.ids()).toEqual(['m-1']);
    await shutdown(rig);
  });

  it('does not let an outbox it cannot claim from hold up the others, and backs off', async () => {
    const orders = rig.store('orders');
    const billing = rig.store('billing');
    rig.ready.resolve();
    await boot(rig);
    orders.failClaims = true;
    const claims =
      (n = orders.limits.length) =>
      () =>
        orders.limits.length - n;
    const failedClaims = claims();

    orders.append([message('o-1')]);
    billing.append([message('b-1')]);
    await elapse();
    expect(rig.publisher.ids()).toEqual(['b-1']);
    // Once on the append; b-1's confirm does not cut the back-off that follows short.
    expect(failedClaims()).toBe(1);
    await elapse(999);
    expect(failedClaims()).toBe(1);
    await elapse(1);
    expect(failedClaims()).toBe(2);
    // From then on, a poll plus a back-off.
    await elapse(1999);
    expect(failedClaims()).toBe(2);
    await elapse(1);
    expect(failedClaims()).toBe(3);

    orders.failClaims = false;
    await elapse(1999);
    expect(rig.publisher.ids()).toEqual(['b-1']);
    await elapse(1);

    expect(rig.publisher.ids()).toEqual(['b-1', 'o-1']);
    await shutdown(rig);
  });

  it('counts nothing as published when marking sent fails', async () => {
    const orders = rig.store('orders');
    orders.failMarkSent = true;
    rig.ready.resolve();
    await boot(rig);

    orders.append([message('m-1')]);
    await elapse();

    expect(rig.publisher.ids()).toEqual(['m-1']);
    expect(rig.relay.published).toBe(0);
    expect(await orders.pendingCount()).toBe(1);

    // Nothing released it: the lease, not a hand, gives it back.
    orders.failMarkSent = false;
    await elapse(29_000);
    expect(rig.publisher.ids()).toEqual(['m-1']);
    await elapse(2_000);
    expect(rig.publisher.ids()).toEqual(['m-1', 'm-1']);
    expect(rig.relay.published).toBe(1);
    expect(await orders.pendingCount()).toBe(0);
    await shutdown(rig);
  });

  it('does not let new events cut the one-second back-off after a failed publish short', async () => {
    const orders = rig.store('orders');
    rig.publisher.refuse.add('m-1');
    rig.ready.resolve();
    await boot(rig);
    orders.append([message('m-1')]);
    await elapse();
    expect(rig.publisher.ids()).toEqual(['m-1']);
    rig.publisher.refuse.clear();

    await elapse(500);
    orders.append([message('m-2')]);
    await elapse(499);
    expect(rig.publisher.ids()).toEqual(['m-1']);
    await elapse(1);

    expect(rig.publisher.ids()).toEqual(['m-1', 'm-1', 'm-2']);
    await shutdown(rig);
  });
});
