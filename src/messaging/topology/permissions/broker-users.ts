import { FeatureModuleName } from '../../../common/config/app-config';
import { ModuleMessaging } from './module-messaging';
import { moduleOperations } from './module-operations';
import { anchoredAlternation } from './name-pattern';
import { grantsFor } from './permission-rules';

export interface TopicPermission {
  exchange: string;
  /** Routing keys it may publish with. */
  write: string;
  /** Binding keys it may bind with. */
  read: string;
}

/** One feature module's RabbitMQ user: vhost permissions and topic permissions, as regexes. */
export interface BrokerUser {
  module: FeatureModuleName;
  user: string;
  vhost: string;
  configure: string;
  write: string;
  read: string;
  topics: TopicPermission[];
}

/** RabbitMQ reads an empty vhost permission as "nothing"; for topics it is spelt out. */
const NOTHING = '';
const NO_KEY = '^$';

export function userName(prefix: string, module: string): string {
  return `${prefix}orderflow-${module}`;
}

/** The least each module's process needs, derived from what its code declares and does. */
export async function brokerUsers(
  modules: ModuleMessaging[],
  options: { vhost: string; prefix: string },
): Promise<BrokerUser[]> {
  const users: BrokerUser[] = [];
  for (const m of modules) {
    const g = grantsFor(await moduleOperations(m, options.prefix));
    users.push({
      module: m.module,
      user: userName(options.prefix, m.module),
      vhost: options.vhost,
      configure: anchoredAlternation(g.configure, NOTHING),
      write: anchoredAlternation(g.write, NOTHING),
      read: anchoredAlternation(g.read, NOTHING),
      topics: [...g.topics].map(([exchange, t]) => ({
        exchange,
        write: anchoredAlternation(t.write, NO_KEY),
        read: anchoredAlternation(t.read, NO_KEY),
      })),
    });
  }
  return users;
}
