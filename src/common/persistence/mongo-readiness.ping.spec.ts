import type { Connection } from 'mongoose';
import { HealthRegistry } from '../health/health.registry';
import { MongoReadiness } from './mongo-readiness.hook';

function connection(readyState: number, ping: () => Promise<unknown>): Connection {
  return { readyState, db: { admin: () => ({ ping }) } } as unknown as Connection;
}

describe('MongoReadiness as a readiness check', () => {
  it('registers a critical check per owner that pings the server', async () => {
    const health = new HealthRegistry();
    new MongoReadiness(
      'orders',
      connection(1, async () => ({ ok: 1 })),
      health,
    );
    expect(health.criticalNames()).toEqual(['mongodb:orders']);
    expect(await health.report()).toEqual({ 'mongodb:orders': { status: 'up' } });
  });

  it('is down while disconnected, or when the ping fails', async () => {
    const health = new HealthRegistry();
    new MongoReadiness(
      'orders',
      connection(0, async () => ({ ok: 1 })),
      health,
    );
    new MongoReadiness(
      'billing',
      connection(1, () => Promise.reject(new Error('server selection timed out'))),
      health,
    );
    expect(await health.report()).toEqual({
      'mongodb:orders': { status: 'down', detail: 'orders: not connected' },
      'mongodb:billing': { status: 'down', detail: 'server selection timed out' },
    });
  });
});
