import { Injectable } from '@nestjs/common';

export interface HealthCheckResult {
  status: 'up' | 'down' | 'unknown';
  detail?: string;
  checkedAt?: string;
}

type Run = () => HealthCheckResult | Promise<HealthCheckResult>;

interface Check {
  run: Run;
  /** A critical check that is down makes the process not ready (503) and "degraded". */
  critical: boolean;
}

/** A probe must answer even when what a check asks (a database ping) hangs. */
export const CHECK_TIMEOUT_MS = 2000;

/**
 * Modules register what they can report on (the broker, the mail transport, the process);
 * /health shows it all without knowing any module's internals, and /health/ready turns 503
 * while a critical check is down.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, Check>();
  private readonly details: Array<() => Promise<Record<string, unknown>>> = [];

  register(name: string, run: Run, options: { critical?: boolean } = {}): void {
    this.checks.set(name, { run, critical: options.critical ?? false });
  }

  /**
   * A check the process makes once as it starts and that does not stop it when it fails: not
   * ready until it passes, and never after it failed (a restart is the fix).
   */
  startup(name: string): { passed(detail?: string): void; failed(reason: string): void } {
    let result: HealthCheckResult = { status: 'down', detail: 'pending' };
    this.register(name, () => result, { critical: true });
    const at = () => new Date().toISOString();
    return {
      passed: (detail) => {
        if (result.detail === 'pending') result = { status: 'up', detail, checkedAt: at() };
      },
      failed: (reason) =>
        (result = { status: 'down', detail: `failed: ${reason}`, checkedAt: at() }),
    };
  }

  /** Extra top-level fields of the /health body, e.g. messaging's queue and outbox figures. */
  registerDetails(details: () => Promise<Record<string, unknown>>): void {
    this.details.push(details);
  }

  /** Every check, run at once; one that throws or hangs is reported down. */
  async report(): Promise<Record<string, HealthCheckResult>> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, c]) => [name, await runBounded(c.run)] as const),
    );
    return Object.fromEntries(entries);
  }

  criticalNames(): string[] {
    return [...this.checks].filter(([, c]) => c.critical).map(([name]) => name);
  }

  /** False when any critical check is down. */
  healthy(report: Record<string, HealthCheckResult>): boolean {
    return this.criticalNames().every((name) => report[name]?.status !== 'down');
  }

  async collectDetails(): Promise<Record<string, unknown>> {
    const parts = await Promise.all(this.details.map((d) => d()));
    return Object.assign({}, ...parts);
  }
}

async function runBounded(run: Run): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthCheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'down', detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([Promise.resolve().then(run), timeout]);
  } catch (error) {
    return { status: 'down', detail: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
