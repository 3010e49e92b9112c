import { HealthRegistry } from './health.registry';
import { ProcessFaultMonitor } from './process-fault.monitor';

describe('ProcessFaultMonitor', () => {
  const registry = new HealthRegistry();
  const monitor = new ProcessFaultMonitor(registry);

  afterEach(() => monitor.onModuleDestroy());

  it('takes unhandled rejections, counts them and reports the process down in /health', async () => {
    monitor.onModuleInit();
    expect((await registry.report()).process).toEqual({
      status: 'up',
      detail: 'no unhandled rejections',
      checkedAt: undefined,
    });
    process.emit('unhandledRejection', new Error('Channel ended'), Promise.resolve());
    process.emit('unhandledRejection', 'a bare string', Promise.resolve());
    expect(monitor.unhandledRejections).toBe(2);
    const check = (await registry.report()).process;
    expect(check.status).toBe('down');
    expect(check.detail).toBe('2 unhandled rejections; last: Error: a bare string');
  });

  it('stops listening when the app closes', () => {
    monitor.onModuleInit();
    const listening = process.listenerCount('unhandledRejection');
    monitor.onModuleDestroy();
    expect(process.listenerCount('unhandledRejection')).toBe(listening - 1);
  });
});
