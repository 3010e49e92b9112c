// `npm run test:saga -- --orders 2000 [--seed 7]`: the order-process interleaving test, bigger.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const value = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const env = { ...process.env };
if (value('orders')) env.SAGA_ORDERS = value('orders');
if (value('seed')) env.FUZZ_SEED = value('seed');
const run = spawnSync('npx', ['jest', '--runInBand', 'test/order-saga.e2e-spec.ts'], {
  stdio: 'inherit',
  env,
});
process.exit(run.status ?? 1);
