import { BrokerUser } from './broker-users';

/** Single-quoted for a POSIX shell; a quote inside is closed, escaped and reopened. */
function q(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A shell script of rabbitmqctl commands. The set_* lines replace what a user had, so after a
 * code change an operator re-runs them alone; add_user fails for a user that exists already.
 */
export function renderRabbitmqctl(
  users: BrokerUser[],
  passwords: Map<string, string>,
  header: string[],
): string {
  const vhost = users[0]?.vhost ?? '';
  const lines = [
    ...header.map((h) => `# ${h}`),
    '# Passwords are random, made for this run: keep them in your secret store; each module',
    `# connects as amqp://<user>:<password>@<host>:5672/${encodeURIComponent(vhost)}`,
    'set -e',
    `rabbitmqctl add_vhost ${q(vhost)}`,
  ];
  for (const u of users) {
    lines.push(
      '',
      `# ${u.module}`,
      `rabbitmqctl add_user ${q(u.user)} ${q(passwords.get(u.user) ?? '')}`,
      `rabbitmqctl set_permissions -p ${q(u.vhost)} ${q(u.user)} ${q(u.configure)} ${q(u.write)} ${q(u.read)}`,
      ...u.topics.map(
        (t) =>
          `rabbitmqctl set_topic_permissions -p ${q(u.vhost)} ${q(u.user)} ${q(t.exchange)} ${q(t.write)} ${q(t.read)}`,
      ),
    );
  }
  lines.push(
    '',
    '# No module needs the default guest user; on a broker reachable from elsewhere, remove it:',
    '# rabbitmqctl delete_user guest',
  );
  return lines.join('\n') + '\n';
}
