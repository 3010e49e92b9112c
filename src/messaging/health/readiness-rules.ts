import { HealthCheckResult } from '../../common/health/health.registry';

/** Without the broker nothing moves between modules: not ready. */
export function brokerCheck(connected: boolean): HealthCheckResult {
  return connected ? { status: 'up' } : { status: 'down', detail: 'not connected to RabbitMQ' };
}

/**
 * Every queue this process should consume has its consumer. After a reconnect the client
 * re-attaches them; one it could not (queue gone, refused) would otherwise go unnoticed while
 * its messages pile up.
 */
export function consumersCheck(queues: string[], idle: string[]): HealthCheckResult {
  if (idle.length === 0) return { status: 'up', detail: `consuming ${queues.length} queues` };
  const shown = idle.slice(0, 5).join(', ') + (idle.length > 5 ? `, +${idle.length - 5} more` : '');
  return { status: 'down', detail: `not consuming ${idle.length} of ${queues.length}: ${shown}` };
}

/**
 * Events are leaving: no unsent outbox message is older than `maxAgeMs` (0 turns it off). An
 * old one means the relay cannot publish (broker refusing, relay stuck), whatever else says up.
 */
export function outboxAgeCheck(
  oldestPendingAt: Date | undefined,
  now: number,
  maxAgeMs: number,
): HealthCheckResult {
  if (!oldestPendingAt) return { status: 'up', detail: 'nothing waiting' };
  const ageMs = Math.max(0, now - oldestPendingAt.getTime());
  const detail = `oldest unsent event waits ${(ageMs / 1000).toFixed(1)} s`;
  if (maxAgeMs > 0 && ageMs > maxAgeMs)
    return { status: 'down', detail: `${detail} (limit ${maxAgeMs / 1000} s)` };
  return { status: 'up', detail };
}
