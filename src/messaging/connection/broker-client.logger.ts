import { Logger, LoggerService } from '@nestjs/common';

/** golevelup's lines on every (re)connect and channel: ConnectFailureReporter says it better. */
const CHATTER = /^(Successfully (connected|closed)|Trying to connect)/;

/**
 * The logger golevelup's AmqpConnection writes through. Its connection chatter goes to debug,
 * and no line carries a stack trace: a client that retries every second must not write one
 * each time. The first line of what it says is kept.
 */
export class BrokerClientLogger implements LoggerService {
  private readonly logger = new Logger('AmqpConnection');

  log(message: unknown): void {
    const text = firstLine(message);
    if (CHATTER.test(text)) this.logger.debug(text);
    else this.logger.log(text);
  }

  /** golevelup passes the stack as a second argument: dropped. */
  error(message: unknown, ..._stack: unknown[]): void {
    this.logger.error(firstLine(message));
  }

  warn(message: unknown): void {
    this.logger.warn(firstLine(message));
  }

  debug(message: unknown): void {
    this.logger.debug(firstLine(message));
  }

  verbose(message: unknown): void {
    this.logger.verbose(firstLine(message));
  }
}

function firstLine(message: unknown): string {
  return String(message).split('\n', 1)[0];
}
