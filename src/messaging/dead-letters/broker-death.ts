/** What the broker says about a dead-lettering it did itself, when it says anything. */
export interface BrokerDeath {
  queue?: string;
  reason?: string;
  exchange?: string;
  time?: Date;
}

/**
 * Optional extras only: RabbitMQ adds x-death, x-first-death-* and (3.13+) x-last-death-* when it
 * dead-letters a message, but nothing here may depend on them (a forged or missing one must not
 * change what is recorded beyond these details). The most recent death is the one that counts:
 * x-death lists newest first. x-first-death-* is used only when it is not a retry queue's
 * expiry, which is the first death of every message our retry policy has retried.
 */
export function brokerDeath(headers: Record<string, unknown>): BrokerDeath | undefined {
  const deaths = headers['x-death'];
  const latest: Record<string, unknown> =
    Array.isArray(deaths) && isTable(deaths[0]) ? deaths[0] : {};
  const firstReason = text(headers['x-first-death-reason']);
  const first = firstReason === 'expired' ? {} : headers;
  const death: BrokerDeath = {
    queue:
      text(headers['x-last-death-queue']) ??
      text(latest.queue) ??
      text(first['x-first-death-queue']),
    reason:
      text(headers['x-last-death-reason']) ??
      text(latest.reason) ??
      (firstReason === 'expired' ? undefined : firstReason),
    exchange:
      text(headers['x-last-death-exchange']) ??
      text(latest.exchange) ??
      text(first['x-first-death-exchange']),
    time: timeOf(latest.time),
  };
  return Object.values(death).some((v) => v !== undefined) ? death : undefined;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Buffer.isBuffer(value);
}

function text(value: unknown): string | undefined {
  const s = Buffer.isBuffer(value) ? value.toString() : value;
  return typeof s === 'string' && s.length > 0 && s.length <= 255 ? s : undefined;
}

/** amqplib gives an AMQP timestamp as `{ '!': 'timestamp', value: seconds }` or a Date. */
function timeOf(value: unknown): Date | undefined {
  const seconds =
    value instanceof Date ? value.getTime() / 1000 : isTable(value) ? value.value : NaN;
  const date = new Date(Number(seconds) * 1000);
  return typeof seconds === 'number' && !Number.isNaN(date.getTime()) ? date : undefined;
}
