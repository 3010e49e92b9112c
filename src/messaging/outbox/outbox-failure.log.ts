import { Logger } from '@nestjs/common';
import { AccessRefusalLog } from '../connection/access-refusal.log';

/**
 * What the relay says when a pass fails to publish: a refusal once per module (the broker's
 * words name the exchange and routing key), any other failure once per failed pass.
 */
export class OutboxFailureLog {
  private readonly refusals = new Map<string, AccessRefusalLog>();

  constructor(private readonly logger: Logger) {}

  /**
   * After one batch: a failure is reported, a success ends a refusal. `connected` false: the
   * broker is away, which the connection's own lines say once; each pass's failure then is
   * only a debug line, not a warning per module and pass for the length of the outage.
   */
  after(owner: string, results: PromiseSettledResult<void>[], connected = true): void {
    const rejected = results.filter((r) => r.status === 'rejected');
    if (rejected.length === 0) {
      this.refusals.get(owner)?.cleared(`${owner}: the broker takes its events again`);
      return;
    }
    const reason = (rejected[0] as PromiseRejectedResult).reason as Error;
    const consequence = 'the events stay in the outbox and are retried until then';
    if (this.refusalsOf(owner).report(reason, `${owner}: outbox publish refused`, consequence))
      return;
    const line = `${owner}: ${rejected.length} events not confirmed, will retry (${reason?.message})`;
    if (connected) this.logger.warn(line);
    else this.logger.debug(line);
  }

  private refusalsOf(owner: string): AccessRefusalLog {
    let log = this.refusals.get(owner);
    if (!log) this.refusals.set(owner, (log = new AccessRefusalLog(this.logger)));
    return log;
  }
}
