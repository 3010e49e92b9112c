import { HealthRegistry } from './health.registry';

describe('HealthRegistry', () => {
  it('reports every registered check by name', () => {
    const registry = new HealthRegistry();
    registry.register('mail', () => ({ status: 'down', detail: 'smtp refused' }));
    registry.register('broker', () => ({ status: 'up' }), { critical: true });
    expect(registry.report()).toEqual({
      mail: { status: 'down', detail: 'smtp refused' },
      broker: { status: 'up' },
    });
  });

  it('is unhealthy only while a critical check is down', () => {
    const registry = new HealthRegistry();
    let broker: 'up' | 'down' = 'up';
    registry.register('mail', () => ({ status: 'down' }));
    registry.register('broker', () => ({ status: broker }), { critical: true });
    expect(registry.healthy(registry.report())).toBe(true);
    broker = 'down';
    expect(registry.healthy(registry.report())).toBe(false);
  });

  it('merges the details every module contributes', async () => {
    const registry = new HealthRegistry();
    expect(await registry.collectDetails()).toEqual({});
    registry.registerDetails(async () => ({ outboxPending: 3 }));
    registry.registerDetails(async () => ({ queues: ['a'] }));
    expect(await registry.collectDetails()).toEqual({ outboxPending: 3, queues: ['a'] });
  });
});
