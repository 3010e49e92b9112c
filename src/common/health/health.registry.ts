import { Injectable } from '@nestjs/common';

export interface HealthCheckResult {
  status: 'up' | 'down' | 'unknown';
  detail?: string;
  checkedAt?: string;
}

interface Check {
  run: () => HealthCheckResult;
  /** A critical check that is down makes the whole process report "degraded". */
  critical: boolean;
}

/**
 * Modules register what they can report on (the broker, the mail transport, the process);
 * /health shows it all without knowing any module's internals.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, Check>();
  private readonly details: Array<() => Promise<Record<string, unknown>>> = [];

  register(name: string, run: () => HealthCheckResult, options: { critical?: boolean } = {}): void {
    this.checks.set(name, { run, critical: options.critical ?? false });
  }

  /** Extra top-level fields of the /health body, e.g. messaging's queue and outbox figures. */
  registerDetails(details: () => Promise<Record<string, unknown>>): void {
    this.details.push(details);
  }

  report(): Record<string, HealthCheckResult> {
    return Object.fromEntries([...this.checks].map(([name, c]) => [name, c.run()]));
  }

  /** False when any critical check is down. */
  healthy(report: Record<string, HealthCheckResult>): boolean {
    return [...this.checks].every(([name, c]) => !c.critical || report[name]?.status !== 'down');
  }

  async collectDetails(): Promise<Record<string, unknown>> {
    const parts = await Promise.all(this.details.map((d) => d()));
    return Object.assign({}, ...parts);
  }
}
