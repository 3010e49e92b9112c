import { loadAppConfig } from '../../common/config/load-app-config';
import { InstanceLockRefusedError } from './instance-lock-refused.error';
import { instanceLockQueue, modulesToLock } from './locked-modules';
import { ConfigError } from '../../common/config/config.error';

describe('modulesToLock', () => {
  it('locks every loaded module when none has a MongoDB: all four keep state', () => {
    expect(modulesToLock(loadAppConfig({}))).toEqual([
      'orders',
      'inventory',
      'billing',
      'notifications',
    ]);
  });

  it('locks only the modules this process loads', () => {
    expect(modulesToLock(loadAppConfig({ APP_MODULES: 'inventory,billing' }))).toEqual([
      'inventory',
      'billing',
    ]);
  });

  it('locks nothing when MONGODB_URI holds every module’s data', () => {
    expect(modulesToLock(loadAppConfig({ MONGODB_URI: 'mongodb://db/?replicaSet=rs0' }))).toEqual(
      [],
    );
  });

  it('still locks a module left in memory beside one with its own URI', () => {
    const config = loadAppConfig({
      APP_MODULES: 'orders,inventory',
      INVENTORY_MONGODB_URI: 'mongodb://stock/?replicaSet=rs0',
    });
    expect(modulesToLock(config)).toEqual(['orders']);
  });
});

describe('instanceLockQueue', () => {
  it('is named under the topology prefix, one per module', () => {
    expect(instanceLockQueue('t1.', 'inventory')).toBe('t1.orderflow.instance-lock.inventory');
    expect(instanceLockQueue('', 'orders')).toBe('orderflow.instance-lock.orders');
  });
});

describe('InstanceLockRefusedError', () => {
  it('is a configuration error naming the module, the prefix and the fix', () => {
    const error = new InstanceLockRefusedError('inventory', 't1.');
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.module).toBe('inventory');
    expect(error.message).toContain('Another instance of inventory is already running');
    expect(error.message).toContain('AMQP_NAME_PREFIX "t1."');
    expect(error.message).toContain('stock and reservations');
    expect(error.message).toMatch(/Set MONGODB_URI \(or INVENTORY_MONGODB_URI\) to run replicas/);
  });

  it('leaves out an empty prefix', () => {
    expect(new InstanceLockRefusedError('orders', '').message).not.toContain('AMQP_NAME_PREFIX');
  });
});
