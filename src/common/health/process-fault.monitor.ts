import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HealthCheckResult, HealthRegistry } from './health.registry';

/** How long /health reports a fault after the last one: long enough for a probe to see it. */
const REPORT_FOR_MS = 5 * 60_000;

/**
 * Node ends the process on a promise rejection nobody handled. One stray rejection deep in a
 * client library (seen: "Channel ended, no reply will be forthcoming") must not take every
 * consumer and the in-memory state with it. It is logged with its stack and counted, and /health
 * reports the process as down for a while, so the fault is seen rather than silent.
 */
@Injectable()
export class ProcessFaultMonitor implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Process');
  private count = 0;
  private last?: { at: number; reason: string };
  private readonly listener = (reason: unknown) => this.unhandled(reason);

  constructor(private readonly registry: HealthRegistry) {}

  onModuleInit(): void {
    process.on('unhandledRejection', this.listener);
    this.registry.register('process', () => this.check(), { critical: true });
  }

  onModuleDestroy(): void {
    process.off('unhandledRejection', this.listener);
  }

  get unhandledRejections(): number {
    return this.count;
  }

  private unhandled(reason: unknown): void {
    this.count++;
    const error = reason instanceof Error ? reason : new Error(String(reason));
    this.last = { at: Date.now(), reason: `${error.name}: ${error.message}`.slice(0, 300) };
    this.logger.error(
      `Unhandled promise rejection #${this.count}: ${this.last.reason}`,
      error.stack,
    );
  }

  private check(): HealthCheckResult {
    const recent = this.last && Date.now() - this.last.at < REPORT_FOR_MS;
    return {
      status: recent ? 'down' : 'up',
      detail: this.last
        ? `${this.count} unhandled rejections; last: ${this.last.reason}`
        : 'no unhandled rejections',
      checkedAt: this.last ? new Date(this.last.at).toISOString() : undefined,
    };
  }
}
