import { FeatureModuleName } from '../../common/config/app-config';
import { ConfigError } from '../../common/config/config.error';
import { STATE_IN_MEMORY } from './locked-modules';

/**
 * A configuration error rather than a fault: in-memory storage and replicas do not go together,
 * and the fix is a setting. main.ts prints a ConfigError's message and exits 1, without a stack.
 */
export class InstanceLockRefusedError extends ConfigError {
  constructor(
    readonly module: FeatureModuleName,
    prefix: string,
  ) {
    const variable = `${module.toUpperCase()}_MONGODB_URI`;
    super([
      `Another instance of ${module} is already running on this broker` +
        (prefix ? ` (AMQP_NAME_PREFIX "${prefix}")` : '') +
        `, and ${module} keeps ${STATE_IN_MEMORY[module]} in this process's memory: ` +
        `two instances would share its messages but each act on its own copy of that data. ` +
        `Set MONGODB_URI (or ${variable}) to run replicas of ${module}, or stop the other instance.`,
    ]);
    this.name = 'InstanceLockRefusedError';
  }
}
