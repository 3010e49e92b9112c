import { ConsoleLogger } from '@nestjs/common';
import { CorrelationContext } from './correlation.context';

/** Nest's console logger with the flow's correlation id on every line logged inside a flow. */
export class AppLogger extends ConsoleLogger {
  protected formatContext(context: string): string {
    const base = super.formatContext(context);
    const cid = CorrelationContext.correlationId();
    return cid ? `${base}[cid=${cid}] ` : base;
  }
}
