import { Logger } from '@nestjs/common';
import {
  boot,
  elapse,
  message,
  messages,
  RecordingOutboxStore,
  RelayRig,
  relayRig,
  shutdown,
} from './outbox-relay.fixtures';

/** Two replicas' relays draining one outbox, as two processes on one Mongo database do. */
describe('OutboxRelay replicas on one outbox', () => {
  let a: RelayRig;
  let b: RelayRig;
  let shared: RecordingOutboxStore;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers();
    [a, b] = [relayRig(), relayRig()];
    shared = new RecordingOutboxStore(() => {
      a.registry.notifyAppended();
      b.registry.notifyAppended();
    });
    for (const rig of [a, b]) {
      rig.registry.register('orders', shared);
      rig.ready.resolve();
      rig.drain.resolve();
    }
  });
  afterEach(() => jest.useRealTimers());

  it('publishes every event once between them, both taking a share', async () => {
    // Confirms held: every row stays claimed while both relays keep polling.
    a.publisher.hold = b.publisher.hold = true;
    await boot(a);
    await boot(b);

    shared.append(messages('m', 450));
    await elapse();
    shared.append(messages('n', 450));
    await elapse(5000);

    const published = [...a.publisher.ids(), ...b.publisher.ids()];
    expect(published).toHaveLength(900);
    expect(new Set(published).size).toBe(900);
    expect(a.publisher.calls.length).toBeGreaterThan(0);
    expect(b.publisher.calls.length).toBeGreaterThan(0);
    a.publisher.confirmHeld();
    b.publisher.confirmHeld();
    await elapse();
    expect(a.relay.published + b.relay.published).toBe(900);
    expect(await shared.pendingCount()).toBe(0);
    await shutdown(a);
    await shutdown(b);
  });

  it('takes over a row only once its lease is over, and the late confirm of the first changes nothing', async () => {
    a.publisher.hold = true;
    await boot(a);
    shared.append([message('m-1')]);
    await elapse();
    expect(a.publisher.ids()).toEqual(['m-1']);
    // a's channel is stuck: its confirm comes long after, and it claims nothing meanwhile.
    a.publisher.connected = false;
    b.publisher.hold = true;
    await boot(b);

    await elapse(29_000);
    expect(b.publisher.calls).toHaveLength(0);
    await elapse(2_000);
    expect(b.publisher.ids()).toEqual(['m-1']);

    a.publisher.confirmHeld();
    await elapse();
    expect(shared.sent).toEqual([['m-1']]);
    expect(await shared.pendingCount()).toBe(1);
    expect(await shared.claim(10)).toEqual([]);

    b.publisher.confirmHeld();
    await elapse();
    expect(await shared.pendingCount()).toBe(0);
    await shutdown(a);
    await shutdown(b);
  });
});
