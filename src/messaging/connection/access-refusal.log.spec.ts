import { Logger } from '@nestjs/common';
import { AccessRefusalLog, accessRefusal } from './access-refusal.log';

/** What amqplib rejects with when the broker closes a channel over a permission. */
const refused = (what: string) =>
  Object.assign(
    new Error(
      `Channel closed by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - ${what} in vhost 'orderflow' refused for user 'orderflow-billing'"`,
    ),
    { code: 403 },
  );

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = {
    error: (m: string) => lines.push(`ERROR ${m}`),
    log: (m: string) => lines.push(`LOG ${m}`),
  } as unknown as Logger;
  return { logger, lines };
}

describe('accessRefusal', () => {
  it("keeps the broker's own words, which name the resource, vhost and user", () => {
    expect(accessRefusal(refused("access to topic 'payment.succeeded' in exchange 'e'"))).toBe(
      "ACCESS_REFUSED - access to topic 'payment.succeeded' in exchange 'e' in vhost 'orderflow' refused for user 'orderflow-billing'",
    );
  });

  it('is undefined for anything but a 403', () => {
    expect(accessRefusal(Object.assign(new Error('NOT_FOUND'), { code: 404 }))).toBeUndefined();
    expect(accessRefusal(new Error('channel closed'))).toBeUndefined();
    expect(accessRefusal(undefined)).toBeUndefined();
  });
});

describe('AccessRefusalLog', () => {
  it('logs a refusal once, with the fix, however often it is met again', () => {
    const { logger, lines } = capture();
    const log = new AccessRefusalLog(logger);
    const error = refused("access to queue 'billing.charge-payment'");
    for (let i = 0; i < 5; i++)
      expect(log.report(error, 'Consumer of billing.charge-payment')).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ERROR Consumer of billing.charge-payment: ACCESS_REFUSED - access to queue/,
    );
    expect(lines[0]).toMatch(
      /`npm run broker:permissions -- --vhost orderflow`.*retrying until it is granted$/,
    );
    expect(log.refusing).toBe(true);
  });

  it('logs each different refusal, and leaves other errors to the caller', () => {
    const { logger, lines } = capture();
    const log = new AccessRefusalLog(logger);
    log.report(refused("access to queue 'a'"), 'x');
    log.report(refused("access to queue 'b'"), 'x');
    expect(log.report(new Error('timeout'), 'x')).toBe(false);
    expect(lines).toHaveLength(2);
  });

  it('says when the refusals are over, counting them, and then reports afresh', () => {
    const { logger, lines } = capture();
    const log = new AccessRefusalLog(logger);
    log.cleared('x');
    expect(lines).toEqual([]);
    const error = refused("access to queue 'a'");
    log.report(error, 'x');
    log.report(error, 'x');
    log.cleared('x');
    expect(lines[1]).toBe('LOG x: permitted now, after 2 refused attempts');
    expect(log.refusing).toBe(false);
    log.report(error, 'x');
    expect(lines).toHaveLength(3);
  });
});
