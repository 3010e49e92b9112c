import { Injectable } from '@nestjs/common';

export interface HealthCheckResult {
  status: 'up' | 'down' | 'unknown';
  detail?: string;
  checkedAt?: string;
}

/** Modules register what they can report on (e.g. the mail transport); /health shows it all. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, () => HealthCheckResult>();

  register(name: string, check: () => HealthCheckResult): void {
    this.checks.set(name, check);
  }

  report(): Record<string, HealthCheckResult> {
    return Object.fromEntries([...this.checks].map(([name, check]) => [name, check()]));
  }
}
