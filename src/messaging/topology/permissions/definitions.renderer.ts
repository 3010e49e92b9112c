import { BrokerUser } from './broker-users';
import { HASHING_ALGORITHM, rabbitPasswordHash } from './password-hash';

/** What `rabbitmqctl import_definitions` (or the management UI) reads: vhost, users, grants. */
export interface Definitions {
  users: Array<{ name: string; password_hash: string; hashing_algorithm: string; tags: string[] }>;
  vhosts: Array<{ name: string }>;
  permissions: Array<{
    user: string;
    vhost: string;
    configure: string;
    write: string;
    read: string;
  }>;
  topic_permissions: Array<{
    user: string;
    vhost: string;
    exchange: string;
    write: string;
    read: string;
  }>;
}

/** The users carry only salted hashes; the passwords themselves go to the operator apart. */
export function renderDefinitions(
  users: BrokerUser[],
  passwords: Map<string, string>,
): Definitions {
  return {
    // No tags: the module users get no management UI or HTTP API access.
    users: users.map((u) => ({
      name: u.user,
      password_hash: rabbitPasswordHash(passwords.get(u.user) ?? ''),
      hashing_algorithm: HASHING_ALGORITHM,
      tags: [],
    })),
    vhosts: [...new Set(users.map((u) => u.vhost))].map((name) => ({ name })),
    permissions: users.map(({ user, vhost, configure, write, read }) => ({
      user,
      vhost,
      configure,
      write,
      read,
    })),
    topic_permissions: users.flatMap(({ user, vhost, topics }) =>
      topics.map((t) => ({ user, vhost, ...t })),
    ),
  };
}
