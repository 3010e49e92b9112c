import { Logger } from '@nestjs/common';
import type { AmqpConnectionManager, ConnectionUrl } from 'amqp-connection-manager';
import { connectFailureLine, explainConnectFailure } from './connect-failure.explainer';

/** While the same failure lasts, it is reported again this often, with a count. */
export const REPEAT_REPORT_MS = 60_000;

interface Reported {
  at: number;
  /** Attempts that failed the same way since it was last reported. */
  since: number;
}

/**
 * Reports a failed connect as one line: which broker (password hidden), why, and which setting
 * fixes it. The client retries every AMQP_RECONNECT_MS, so a cause is reported once per broker
 * URL, then at most once a minute while it lasts; a successful connect starts afresh.
 * golevelup's own report is off (skipConnectionFailedLogging): it says neither where nor why,
 * and logs a stack trace per attempt.
 */
export class ConnectFailureReporter {
  private readonly logger = new Logger('BrokerConnection');
  private readonly reported = new Map<string, Reported>();

  constructor(
    private readonly manager: AmqpConnectionManager,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    this.manager.on('connectFailed', this.onFailed);
    this.manager.on('connect', this.onConnect);
  }

  stop(): void {
    this.manager.removeListener('connectFailed', this.onFailed);
    this.manager.removeListener('connect', this.onConnect);
  }

  private readonly onConnect = (): void => this.reported.clear();

  private readonly onFailed = ({ err, url }: { err: Error; url?: ConnectionUrl }): void => {
    const target = typeof url === 'string' ? url : url && 'url' in url ? url.url : 'the broker';
    const failure = explainConnectFailure(err);
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
}
