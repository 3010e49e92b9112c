import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** The Redis every machine here runs; the suites that need it use unique key prefixes. */
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers, asked synchronously: suites decide at load time whether to run. */
export function redisReachable(url = REDIS_URL): boolean {
  const { hostname, port } = new URL(url);
  const probe =
    `require('net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname)})` +
    `.on('connect', () => process.exit(0)).on('error', () => process.exit(1));` +
    `setTimeout(() => process.exit(1), 2000);`;
  try {
    execFileSync(process.execPath, ['-e', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const uniquePrefix = (): string => `t${randomBytes(4).toString('hex')}.`;
