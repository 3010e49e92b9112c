import { DynamicModule } from '@nestjs/common';
import { AppModule } from '../../../app.module';
import { AppConfig, FEATURE_MODULES } from '../../../common/config/app-config';
import { BrokerUser, brokerUsers } from './broker-users';
import { ModuleMessaging } from './module-messaging';
import { readModuleMessaging } from './module-messaging.reader';

/**
 * The broker users for the app as it is built: every feature module AppModule loads, read off
 * the definitions its forRoot returns. Nothing connects to a broker or a database.
 */
export async function appBrokerUsers(config: AppConfig, vhost: string): Promise<BrokerUser[]> {
  return brokerUsers(appModuleMessaging(config), { vhost, prefix: config.amqpNamePrefix });
}

/** What every feature module does on the broker; the AsyncAPI document is built from it too. */
export function appModuleMessaging(config: AppConfig): ModuleMessaging[] {
  const all = Object.assign(new AppConfig(), config, { appModules: [...FEATURE_MODULES] });
  const imports = (AppModule.forRoot(all).imports ?? []) as DynamicModule[];
  const modules = imports.flatMap((d) => readModuleMessaging(d) ?? []);
  const missing = FEATURE_MODULES.filter((f) => !modules.some((m) => m.module === f));
  // A module that stopped using featurePersistence would otherwise get no user, silently.
  if (missing.length > 0)
    throw new Error(`No publishes declaration found for ${missing.join(', ')}`);
  return modules;
}
