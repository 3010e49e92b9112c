import { Logger } from '@nestjs/common';
import { loadAppConfig } from '../../common/config/load-app-config';
import { InstanceLockRefusedError } from './instance-lock-refused.error';
import { FakeManager, settle } from './instance-lock.fixtures';
import { InstanceLockKeeper, LOST_GRACE_MS } from './instance-lock.keeper';

const PREFIX = 'p.';
const LOCK = `${PREFIX}orderflow.instance-lock.inventory`;

function keeperFor(manager: FakeManager, env: Record<string, string> = {}) {
  const config = loadAppConfig({ AMQP_NAME_PREFIX: PREFIX, APP_MODULES: 'inventory', ...env });
  return new InstanceLockKeeper(manager.asAmqp(), config);
}

describe('InstanceLockKeeper', () => {
  let manager: FakeManager;
  const lost = jest.fn();

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    manager = new FakeManager();
    lost.mockReset();
  });

  afterEach(() => jest.useRealTimers());

  it('needs no lock, and listens to nothing, when the module keeps its data in MongoDB', async () => {
    const keeper = keeperFor(manager, { MONGODB_URI: 'mongodb://db/?replicaSet=rs0' });
    await expect(keeper.start(1_000, lost)).resolves.toBe('not-needed');
    expect(manager.listenerCount('connect')).toBe(0);
  });

  it('takes one exclusive queue per in-memory module and lets the channel go', async () => {
    manager.connect();
    const keeper = keeperFor(manager, { APP_MODULES: 'inventory,billing' });
    await expect(keeper.start(1_000, lost)).resolves.toBe('held');
    expect(manager.declared).toEqual([
      { queue: LOCK, options: { exclusive: true, autoDelete: true, durable: false } },
      {
        queue: `${PREFIX}orderflow.instance-lock.billing`,
        options: { exclusive: true, autoDelete: true, durable: false },
      },
    ]);
    expect(manager.channels.every((c) => c.closed)).toBe(true);
  });

  it('refuses to start when another instance holds the lock', async () => {
    manager.broker.lockedElsewhere.add(LOCK);
    manager.connect();
    const started = keeperFor(manager).start(1_000, lost);
    await expect(started).rejects.toBeInstanceOf(InstanceLockRefusedError);
    await expect(started).rejects.toThrow(/Set MONGODB_URI .* to run replicas of inventory/);
    expect(lost).not.toHaveBeenCalled();
    expect(manager.listenerCount('connect')).toBe(0);
  });

  it('does not wait for a broker that cannot be reached, and decides on connect', async () => {
    const keeper = keeperFor(manager);
    const started = keeper.start(60_000, lost);
    manager.failConnect();
    await expect(started).resolves.toBe('undecided');
    expect(manager.listenerCount('connectFailed')).toBe(0);
    manager.connect();
    await settle();
    expect(manager.declared.map((d) => d.queue)).toEqual([LOCK]);
    expect(lost).not.toHaveBeenCalled();
  });

  it('gives up waiting after waitMs', async () => {
    jest.useFakeTimers();
    const started = keeperFor(manager).start(10_000, lost);
    jest.advanceTimersByTime(10_000);
    await expect(started).resolves.toBe('undecided');
  });

  it('stops the app when the first connect after an undecided start is refused', async () => {
    const keeper = keeperFor(manager);
    const started = keeper.start(60_000, lost);
    manager.failConnect();
    await started;
    expect(() => keeper.onModuleInit()).not.toThrow();
    manager.broker.lockedElsewhere.add(LOCK);
    manager.connect();
    await settle();
    expect(lost).toHaveBeenCalledWith(expect.any(InstanceLockRefusedError));
    // Startup may still be running: the app's initialisation fails rather than seed or publish.
    expect(() => keeper.onModuleInit()).toThrow(InstanceLockRefusedError);
  });

  it('takes the lock again after a reconnect (a restarted broker has forgotten it)', async () => {
    manager.connect();
    await keeperFor(manager).start(1_000, lost);
    manager.disconnect();
    manager.connect();
    await settle();
    expect(manager.declared.map((d) => d.queue)).toEqual([LOCK, LOCK]);
  });

  it('retries a refusal after a reconnect, and stops the app only after the grace period', async () => {
    jest.useFakeTimers();
    manager.connect();
    await keeperFor(manager).start(1_000, lost);
    manager.broker.lockedElsewhere.add(LOCK); // our old connection, not yet found dead
    manager.connect();
    await settle();
    for (let t = 0; t < LOST_GRACE_MS - 1_000; t += 1_000) {
      await jest.advanceTimersByTimeAsync(1_000);
      expect(lost).not.toHaveBeenCalled();
    }
    await jest.advanceTimersByTimeAsync(2_000);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('keeps running when its own stale connection lets the lock go within the grace period', async () => {
    jest.useFakeTimers();
    manager.connect();
    await keeperFor(manager).start(1_000, lost);
    manager.broker.lockedElsewhere.add(LOCK);
    manager.connect();
    await settle();
    manager.broker.lockedElsewhere.clear();
    await jest.advanceTimersByTimeAsync(LOST_GRACE_MS * 2);
    expect(lost).not.toHaveBeenCalled();
    expect(manager.declared.map((d) => d.queue)).toEqual([LOCK, LOCK]);
  });

  it('retries a declare that failed for another reason', async () => {
    jest.useFakeTimers();
    manager.broker.failure = new Error('channel closed');
    manager.connect();
    const started = keeperFor(manager).start(60_000, lost);
    await settle();
    manager.broker.failure = undefined;
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(started).resolves.toBe('held');
  });

  it('stops listening at shutdown', async () => {
    manager.connect();
    const keeper = keeperFor(manager);
    await keeper.start(1_000, lost);
    keeper.onApplicationShutdown();
    manager.connect();
    await settle();
    expect(manager.declared).toHaveLength(1);
  });
});
