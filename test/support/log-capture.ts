import { LogLevel } from '@nestjs/common';
import { AppLogger } from '../../src/common/correlation/app.logger';

export interface CapturedLine {
  level: LogLevel;
  /** The logging class, e.g. `StockUseCases`. */
  context: string;
  /** The line as the app's logger formats it: context, correlation id, message. */
  text: string;
}

/**
 * The app's own logger (so the line format under test is the real one) that keeps every line
 * in memory instead of writing it: tests can read what an operator would grep for.
 */
export class LogCapture extends AppLogger {
  readonly lines: CapturedLine[] = [];

  constructor() {
    super('orderflow', { logLevels: ['log', 'warn', 'error'] });
  }

  protected printMessages(messages: unknown[], context = '', logLevel: LogLevel = 'log'): void {
    for (const message of messages) {
      const text = `${this.formatContext(context)}${String(message)}`;
      this.lines.push({ level: logLevel, context, text });
    }
  }
}
