import { createHash } from 'node:crypto';
import { BrokerUser } from './broker-users';
import { renderDefinitions } from './definitions.renderer';
import { HASHING_ALGORITHM, newPassword, rabbitPasswordHash } from './password-hash';
import { renderRabbitmqctl } from './rabbitmqctl.renderer';

const user: BrokerUser = {
  module: 'billing',
  user: 'orderflow-billing',
  vhost: 'orderflow',
  configure: '^(billing\\.charge-payment)$',
  write: '',
  read: "^(it's)$",
  topics: [{ exchange: 'orderflow.events', write: '^(payment\\.failed)$', read: '^$' }],
};
const passwords = new Map([['orderflow-billing', 'secret-1']]);

describe('rabbitmqctl output', () => {
  const script = renderRabbitmqctl([user], passwords, ['made for a test']);

  it('creates the vhost and the user, then sets its permissions and topic permissions', () => {
    const commands = script.split('\n').filter((l) => l.startsWith('rabbitmqctl'));
    expect(commands).toEqual([
      "rabbitmqctl add_vhost 'orderflow'",
      "rabbitmqctl add_user 'orderflow-billing' 'secret-1'",
      `rabbitmqctl set_permissions -p 'orderflow' 'orderflow-billing' '^(billing\\.charge-payment)$' '' '^(it'\\''s)$'`,
      "rabbitmqctl set_topic_permissions -p 'orderflow' 'orderflow-billing' 'orderflow.events' '^(payment\\.failed)$' '^$'",
    ]);
    expect(script).toMatch(/^# made for a test$/m);
    expect(script).toMatch(/^# rabbitmqctl delete_user guest$/m);
  });
});

describe('definitions output', () => {
  it('holds the vhost, the user with a salted sha256 hash, and both kinds of permission', () => {
    const d = renderDefinitions([user], passwords);
    expect(d.vhosts).toEqual([{ name: 'orderflow' }]);
    expect(d.users).toEqual([
      {
        name: 'orderflow-billing',
        password_hash: expect.any(String),
        hashing_algorithm: HASHING_ALGORITHM,
        tags: [],
      },
    ]);
    expect(d.permissions).toEqual([
      {
        user: 'orderflow-billing',
        vhost: 'orderflow',
        configure: user.configure,
        write: '',
        read: user.read,
      },
    ]);
    expect(d.topic_permissions).toEqual([
      { user: 'orderflow-billing', vhost: 'orderflow', ...user.topics[0] },
    ]);
    expect(JSON.stringify(d)).not.toContain('secret-1');
  });

  it('hashes as rabbit_password_hashing_sha256: base64(salt, sha256(salt, password))', () => {
    const hash = Buffer.from(rabbitPasswordHash('secret-1'), 'base64');
    const [salt, digest] = [hash.subarray(0, 4), hash.subarray(4)];
    expect(digest).toEqual(createHash('sha256').update(salt).update('secret-1').digest());
    expect(rabbitPasswordHash('x', Buffer.from([1, 2, 3, 4]))).toBe(
      Buffer.concat([
        Buffer.from([1, 2, 3, 4]),
        createHash('sha256')
          .update(Buffer.from([1, 2, 3, 4, 0x78]))
          .digest(),
      ]).toString('base64'),
    );
  });

  it('makes long random passwords that need no quoting anywhere', () => {
    const a = newPassword();
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(newPassword()).not.toBe(a);
  });
});
