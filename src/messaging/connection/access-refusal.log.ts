import { Logger } from '@nestjs/common';

const ACCESS_REFUSED = 403;

/**
 * The broker's own account of a permission refusal, which names the user, vhost and resource
 * (for a publish: the exchange and the routing key); undefined for any other error.
 */
export function accessRefusal(error: unknown): string | undefined {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  if (e?.code !== ACCESS_REFUSED || typeof e.message !== 'string') return undefined;
  return /ACCESS_REFUSED - [^"]*/.exec(e.message)?.[0] ?? e.message;
}

function fix(refusal: string): string {
  const vhost = /in vhost '([^']*)'/.exec(refusal)?.[1] ?? '<vhost>';
  return (
    `the user lacks a permission this code needs. Fix: regenerate the users' permissions with ` +
    `\`npm run broker:permissions -- --vhost ${vhost}\` (plus --prefix if AMQP_NAME_PREFIX is ` +
    `set) and apply its set_permissions / set_topic_permissions lines`
  );
}

/**
 * Says once, in one line, what the broker refused and how to fix it, however often a retry
 * meets the same refusal (each retry would otherwise log it again, and a stack with it). A
 * refusal does not heal by waiting, only by a grant, which the retries then pick up.
 */
export class AccessRefusalLog {
  private readonly seen = new Map<string, number>();

  constructor(private readonly logger: Logger) {}

  /** True when `error` is a refusal (logged the first time); false leaves it to the caller. */
  report(error: unknown, context: string, consequence = 'retrying until it is granted'): boolean {
    const refusal = accessRefusal(error);
    if (!refusal) return false;
    const times = this.seen.get(refusal) ?? 0;
    if (times === 0) this.logger.error(`${context}: ${refusal}; ${fix(refusal)}; ${consequence}`);
    this.seen.set(refusal, times + 1);
    return true;
  }

  /** While true, routine retry lines would only repeat what was said. */
  get refusing(): boolean {
    return this.seen.size > 0;
  }

  /** After a success: tells that the refusals are over, and forgets them. */
  cleared(context: string): void {
    if (this.seen.size === 0) return;
    const attempts = [...this.seen.values()].reduce((a, b) => a + b, 0);
    this.seen.clear();
    this.logger.log(`${context}: permitted now, after ${attempts} refused attempts`);
  }
}
