import { AppConfig, FeatureModuleName } from '../../common/config/app-config';

/**
 * What each feature module keeps in a process's memory when it has no MongoDB. Typed over every
 * module, so a new one cannot be added without deciding this; `undefined` would mark a module
 * that keeps nothing and may therefore run as in-memory replicas.
 */
export const STATE_IN_MEMORY: Record<FeatureModuleName, string | undefined> = {
  orders: 'orders, their status and the idempotency keys',
  inventory: 'stock and reservations',
  billing: 'payments and invoices',
  notifications: 'the notification log and the one-email-per-outcome record',
};

/**
 * The loaded modules whose state would live in this process's memory: a second instance of one
 * of them would share its queues but not its data (measured: one unit of stock sold twice).
 * A module with a MongoDB URI (its own or MONGODB_URI) shares its data and may run replicas.
 */
export function modulesToLock(config: AppConfig): FeatureModuleName[] {
  return config.appModules.filter(
    (module) => STATE_IN_MEMORY[module] !== undefined && !config.mongodbUriFor(module),
  );
}

/** Under the topology prefix, so separate apps sharing a broker (tests, a dev app) never collide. */
export function instanceLockQueue(prefix: string, module: FeatureModuleName): string {
  return `${prefix}orderflow.instance-lock.${module}`;
}
