import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mutatingCliCalls, mutatingCliLines } from './broker-cli-calls';

const ROOT = join(__dirname, '../..');
/** The one place that may stop, reset or reconfigure a node: its own nodes, always with -n. */
const PRIVATE_BROKER = 'test/support/private-broker/';
/** This spec's own examples of what it refuses. */
const SELF = 'test/tooling/broker-cli.spec.ts';
const CODE = /\.(ts|js|mjs|cjs)$/;
const TEXT = /\.(sh|ya?ml|json)$|^[^.]+$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(join(ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

function violations(path: string, text: string): string[] {
  const calls = CODE.test(path)
    ? mutatingCliCalls(path, text)
    : TEXT.test(path)
      ? mutatingCliLines(text)
      : [];
  return calls.map((c) => `${path}:${c.line} runs ${c.command ?? 'an unreadable command'}`);
}

const refused: Array<[string, string]> = [
  ['the old stopBroker', "await run('rabbitmqctl', ['stop_app'], { timeout: 60_000 });"],
  ['a start_app after a wait', "await run('rabbitmqctl', ['start_app']);"],
  ['-q before the command', "execFileSync('rabbitmqctl', ['-q', 'reset']);"],
  ['a user on the shared broker', "spawn('rabbitmqctl', ['add_user', 'u', 'p']);"],
  ['-n naming the default node', "run('rabbitmqctl', ['-n', 'rabbit@localhost', 'stop']);"],
  ['-n naming any node by a literal', "run('rabbitmqctl', ['-n', 'of-a@localhost', 'reset']);"],
  ['-n naming a node some variable holds', "run('rabbitmqctl', ['-n', target, 'stop_app']);"],
  ['a shell string', 'execSync(\'rabbitmqctl set_permissions -p / guest ".*" ".*" ".*"\');'],
  ['a template', 'execSync(`rabbitmqctl -n ${node} join_cluster ${other}`);'],
  ['sh -c', "spawnSync('sh', ['-c', 'sleep 1 && rabbitmqctl delete_user guest']);"],
  ['arguments it cannot read', "execFile('rabbitmqctl', args);"],
  ['the private helper outside its folder', "rabbitmqctl('rabbit@host', ['stop_app']);"],
  ['plugins', "execFile('rabbitmq-plugins', ['enable', 'rabbitmq_management']);"],
  ['a drain', "execSync('rabbitmq-upgrade drain');"],
];
const allowed: Array<[string, string]> = [
  ['queueBacklog', "run('rabbitmqctl', ['list_queues', '-q', '--no-table-headers', 'name']);"],
  ['a private node', "await node.ctl(['stop_app']); await node.startApp();"],
  ['a cluster query', "listRows(n.node, ['list_queues', 'name', 'leader']);"],
  ['status by shell', "execSync('rabbitmqctl -q status');"],
  ['an import of the module', "import { queueBacklog } from './support/rabbitmqctl';"],
  ['-n with a private node', "run('rabbitmqctl', ['-n', node.node, 'add_user', 'u', 'p']);"],
  ['the helper on a private node', "rabbitmqctl(n.node, ['join_cluster', first.node]);"],
  [
    'a generated script, run against a private node',
    "run('bash', ['-c', `rabbitmqctl() { command rabbitmqctl -n '${node.node}' \"$@\"; }\n${script}`]);",
  ],
];

describe('No test stops, resets or reconfigures the shared broker through its CLI', () => {
  it('finds no changing rabbitmqctl call under test/ or bench/ outside the private broker', () => {
    const files = [...filesUnder('test'), ...filesUnder('bench')].filter(
      (f) => !f.startsWith(PRIVATE_BROKER) && f !== SELF,
    );
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => violations(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it.each(refused)('refuses %s', (_why, code) => {
    expect(violations('test/x.e2e-spec.ts', code)).toHaveLength(1);
  });

  it.each(allowed)('lets %s pass', (_why, code) => {
    expect(violations('test/x.e2e-spec.ts', code)).toEqual([]);
  });

  it('reads shell scripts and CI files as well', () => {
    const script = 'set -e\nrabbitmqctl list_queues\nrabbitmqctl stop_app\n';
    expect(violations('bench/restart.sh', script)).toEqual(['bench/restart.sh:3 runs stop_app']);
  });

  it('sees the private broker folder itself, which it only exempts', () => {
    const tools = readFileSync(join(ROOT, PRIVATE_BROKER, 'rabbit-tools.ts'), 'utf8');
    expect(violations(`${PRIVATE_BROKER}rabbit-tools.ts`, tools).length).toBeGreaterThan(0);
  });
});
