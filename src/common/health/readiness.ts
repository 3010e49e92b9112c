import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckResult as TerminusResult,
  HealthCheckService,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { HealthCheckResult, HealthRegistry } from './health.registry';

export interface ReadinessAnswer {
  ready: boolean;
  /** Terminus's body: status ok|error, and each critical check up or down with its detail. */
  body: TerminusResult;
}

/**
 * Ready means: every critical check up. Messaging registers the broker, its consumers and the
 * outbox's age; each MongoDB connection its ping; the process its faults; startup checks theirs.
 * Terminus turns them into its standard body; the HTTP status is the caller's to set.
 */
@Injectable()
export class Readiness {
  constructor(
    private readonly registry: HealthRegistry,
    private readonly terminus: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** From a report already taken (for /health), or a fresh one. */
  async answer(report?: Record<string, HealthCheckResult>): Promise<ReadinessAnswer> {
    const checks = report ?? (await this.registry.report());
    const indicators = this.registry.criticalNames().map((name) => async () => {
      const { status, detail } = checks[name] ?? { status: 'unknown' };
      const session = this.indicators.check(name);
      const data: Record<string, unknown> = detail === undefined ? {} : { detail };
      return status === 'down' ? session.down(data) : session.up(data);
    });
    try {
      return { ready: true, body: await this.terminus.check(indicators) };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      return { ready: false, body: error.getResponse() as TerminusResult };
    }
  }
}
