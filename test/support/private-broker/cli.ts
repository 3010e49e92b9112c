 
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateCluster } from './private-cluster';
import { PrivateNode } from './private-node';

/**
 * `npm run broker:cluster:up` / `down`: a 3-node cluster on 5681–5683 beside the default broker,
 * to try failover by hand (kill a node, watch orders carry on).
 */
const NAMES = ['of-a', 'of-b', 'of-c'];
const PORTS = [5681, 5682, 5683];
const baseDir = (name: string) => join(tmpdir(), 'orderflow-cluster', name);

async function up(): Promise<void> {
  const cluster = await PrivateCluster.start({ names: NAMES, ports: PORTS, baseDir });
  console.log(`cluster up: ${(await cluster.runningNodes()).join(', ')}`);
  console.log(`\nrun the app against it:\n  AMQP_URL=${cluster.url()} npm start`);
  console.log('\nkill the node the app is connected to, e.g.:');
  console.log(`  kill -9 $(cat ${join(baseDir('of-a'), 'node.pid')})`);
  console.log('and bring it back, with its data, into the cluster:');
  console.log('  npm run broker:cluster:start -- of-a');
}

/** Starts one node again after a kill or stop; it rejoins the cluster it belonged to. */
async function start(name: string | undefined): Promise<void> {
  const i = NAMES.indexOf(name ?? '');
  if (i < 0) throw new Error(`usage: broker:cluster:start -- <${NAMES.join('|')}>`);
  const node = await PrivateNode.create({
    name: NAMES[i],
    port: PORTS[i],
    baseDir: baseDir(NAMES[i]),
  });
  await node.start();
  console.log(`${node.node} is running on ${node.port}`);
}

async function down(): Promise<void> {
  for (let i = 0; i < NAMES.length; i++) {
    const node = await PrivateNode.create({
      name: NAMES[i],
      port: PORTS[i],
      baseDir: baseDir(NAMES[i]),
    });
    await node.remove();
  }
  console.log('cluster down, data removed');
}

const [command, arg] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = { up, down, start: () => start(arg) };
const usage = () => Promise.reject(new Error('usage: cli.ts up | down | start <node>'));
(commands[command] ?? usage)().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
