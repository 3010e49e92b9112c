import { CHECK_TIMEOUT_MS, HealthRegistry } from './health.registry';

describe('HealthRegistry', () => {
  it('reports every registered check by name, sync or async', async () => {
    const registry = new HealthRegistry();
    registry.register('mail', () => ({ status: 'down', detail: 'smtp refused' }));
    registry.register('broker', async () => ({ status: 'up' }), { critical: true });
    expect(await registry.report()).toEqual({
      mail: { status: 'down', detail: 'smtp refused' },
      broker: { status: 'up' },
    });
    expect(registry.criticalNames()).toEqual(['broker']);
  });

  it('is unhealthy only while a critical check is down', async () => {
    const registry = new HealthRegistry();
    let broker: 'up' | 'down' = 'up';
    registry.register('mail', () => ({ status: 'down' }));
    registry.register('broker', () => ({ status: broker }), { critical: true });
    expect(registry.healthy(await registry.report())).toBe(true);
    broker = 'down';
    expect(registry.healthy(await registry.report())).toBe(false);
  });

  it('reports a check that throws or never answers as down', async () => {
    jest.useFakeTimers();
    try {
      const registry = new HealthRegistry();
      registry.register('db', () => new Promise(() => undefined), { critical: true });
      registry.register('odd', () => {
        throw new Error('boom');
      });
      const report = registry.report();
      await jest.advanceTimersByTimeAsync(CHECK_TIMEOUT_MS);
      expect(await report).toEqual({
        db: { status: 'down', detail: `no answer within ${CHECK_TIMEOUT_MS} ms` },
        odd: { status: 'down', detail: 'boom' },
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('holds readiness until a startup check passes, and for good once one failed', async () => {
    const registry = new HealthRegistry();
    const first = registry.startup('catalog');
    const second = registry.startup('lock');
    expect((await registry.report()).catalog).toEqual({ status: 'down', detail: 'pending' });
    first.passed('12 products');
    expect((await registry.report()).catalog).toMatchObject({
      status: 'up',
      detail: '12 products',
    });
    expect(registry.healthy(await registry.report())).toBe(false);
    second.failed('refused');
    second.passed();
    expect((await registry.report()).lock).toMatchObject({
      status: 'down',
      detail: 'failed: refused',
    });
    expect(registry.healthy(await registry.report())).toBe(false);
  });

  it('merges the details every module contributes', async () => {
    const registry = new HealthRegistry();
    expect(await registry.collectDetails()).toEqual({});
    registry.registerDetails(async () => ({ outboxPending: 3 }));
    registry.registerDetails(async () => ({ queues: ['a'] }));
    expect(await registry.collectDetails()).toEqual({ outboxPending: 3, queues: ['a'] });
  });
});
