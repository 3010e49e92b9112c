import { Logger } from '@nestjs/common';
import type { AmqpConnectionManager, ConnectionUrl } from 'amqp-connection-manager';
import { withoutPassword } from '../../common/config/without-password';
import { connectFailureLine, explainConnectFailure } from './connect-failure.explainer';

/** While the same failure lasts, it is reported again this often, with a count. */
export const REPEAT_REPORT_MS = 60_000;

interface Reported {
  at: number;
  /** Attempts that failed the same way since it was last reported. */
  since: number;
}

/** A connection that was up and broke: told once, summed up while it lasts, told when back. */
interface Outage {
  since: number;
  failures: number;
  reportedAt: number;
  lastReason?: string;
}

const urlOf = (url?: ConnectionUrl): string =>
  typeof url === 'string' ? url : url && 'url' in url ? url.url : 'the broker';

/**
 * The broker connection's story in a few lines. A failed connect: which broker (password
 * hidden), why, and which setting fixes it, once per broker URL and cause, then at most once a
 * minute while it lasts. A lost connection: one line when it breaks, a summary with the count of
 * failed attempts once a minute, one line when it is back; never a line, let alone a stack, per
 * retry (the client retries every AMQP_RECONNECT_MS). golevelup's own reports are off
 * (skip*Logging) or quieted (BrokerClientLogger): they say neither where nor why.
 */
export class ConnectFailureReporter {
  private readonly logger = new Logger('BrokerConnection');
  private readonly reported = new Map<string, Reported>();
  private outage?: Outage;
  private connectedTo?: string;

  constructor(
    private readonly manager: AmqpConnectionManager,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.manager.on('connectFailed', this.onFailed);
    this.manager.on('connect', this.onConnect);
    this.manager.on('disconnect', this.onDisconnect);
  }

  stop(): void {
    this.manager.removeListener('connectFailed', this.onFailed);
    this.manager.removeListener('connect', this.onConnect);
    this.manager.removeListener('disconnect', this.onDisconnect);
  }

  private readonly onConnect = ({ url }: { url?: ConnectionUrl }): void => {
    this.reported.clear();
    const where = withoutPassword(urlOf(url));
    const outage = this.outage;
    this.outage = undefined;
    if (!outage) this.logger.log(`Connected to RabbitMQ at ${where}`);
    else
      this.logger.log(
        `Reconnected to RabbitMQ at ${where} after ${this.seconds(outage.since)} s ` +
          `(${outage.failures} failed attempts)`,
      );
    this.connectedTo = where;
  };

  private readonly onDisconnect = ({ err }: { err?: Error }): void => {
    if (this.outage) return;
    const now = this.now();
    this.outage = { since: now, failures: 0, reportedAt: now };
    const reason = err ? explainConnectFailure(err).reason : 'closed';
    this.logger.warn(
      `Lost the connection to RabbitMQ at ${this.connectedTo ?? 'the broker'}: ${reason}; ` +
        'reconnecting, events wait in the outbox until it is back',
    );
  };

  private readonly onFailed = ({ err, url }: { err: Error; url?: ConnectionUrl }): void => {
    const target = urlOf(url);
    const failure = explainConnectFailure(err);
    const outage = this.outage;
    if (outage) {
      outage.failures += 1;
      outage.lastReason = failure.reason;
      if (this.now() - outage.reportedAt >= REPEAT_REPORT_MS) {
        outage.reportedAt = this.now();
        this.logger.warn(
          `RabbitMQ still unreachable after ${this.seconds(outage.since)} s: ` +
            `${outage.failures} failed attempts (last: ${failure.reason})`,
        );
      }
      // The broker being away is what the outage lines say; a cause with a fix is news.
      if (!failure.fix) return;
    }
    const key = `${target} ${failure.reason}`;
    const last = this.reported.get(key);
    if (last && this.now() - last.at < REPEAT_REPORT_MS) {
      last.since += 1;
      return;
    }
    this.reported.set(key, { at: this.now(), since: 0 });
    const line =
      connectFailureLine(target, failure) +
      (last ? ` (still failing: ${last.since + 1} attempts since the last report)` : '');
    // A cause with a fix is a setting to correct; without one, the broker may simply be down.
    if (failure.fix) this.logger.error(line);
    else this.logger.warn(line);
  };

  private seconds(since: number): string {
    return ((this.now() - since) / 1000).toFixed(1);
  }
}
