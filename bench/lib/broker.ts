import { randomBytes } from 'node:crypto';

/** The bench talks to the local broker only. */
export const AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

/** A name prefix of its own per bench run and phase, so nothing meets a dev app or a test run. */
export function benchPrefix(phase: string): string {
  return `bench-${phase}-${randomBytes(3).toString('hex')}.`;
}

/** Removes what a phase declared: the same clean-up the e2e tests use. */
export { deleteTopology } from '../../test/support/broker';

/** A body of exactly `bytes` bytes that is valid JSON, like a real event of that size. */
export function jsonBody(bytes: number): Buffer {
  const head = '{"data":"';
  const tail = '"}';
  return Buffer.from(head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail);
}
