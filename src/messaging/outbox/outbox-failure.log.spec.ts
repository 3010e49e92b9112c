import { Logger } from '@nestjs/common';
import { OutboxFailureLog } from './outbox-failure.log';

const refusal = Object.assign(
  new Error(
    `Channel closed by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - access to topic 'payment.succeeded' in exchange 'orderflow.events' in vhost 'v' refused for user 'u'"`,
  ),
  { code: 403 },
);
const ok: PromiseSettledResult<void> = { status: 'fulfilled', value: undefined };
const no = (reason: Error): PromiseSettledResult<void> => ({ status: 'rejected', reason });

describe('OutboxFailureLog', () => {
  const lines: string[] = [];
  const logger = {
    error: (m: string) => lines.push(`ERROR ${m}`),
    warn: (m: string) => lines.push(`WARN ${m}`),
    log: (m: string) => lines.push(`LOG ${m}`),
    debug: (m: string) => lines.push(`DEBUG ${m}`),
  } as unknown as Logger;
  beforeEach(() => (lines.length = 0));

  it('reports a refusal once per module, and its end', () => {
    const log = new OutboxFailureLog(logger);
    log.after('billing', [no(refusal), no(refusal)]);
    log.after('billing', [no(refusal)]);
    log.after('inventory', [no(refusal)]);
    log.after('billing', [ok]);
    expect(lines.map((l) => /^\w+ [^:]+: [a-z ]+/.exec(l)?.[0])).toEqual([
      'ERROR billing: outbox publish refused',
      'ERROR inventory: outbox publish refused',
      'LOG billing: the broker takes its events again',
    ]);
    expect(lines[0]).toMatch(/topic 'payment.succeeded'.*stay in the outbox/);
  });

  it('warns of any other failure on every failed pass, as before', () => {
    const log = new OutboxFailureLog(logger);
    log.after('orders', [ok, no(new Error('timeout')), no(new Error('timeout'))]);
    log.after('orders', [no(new Error('timeout'))]);
    log.after('orders', [ok]);
    expect(lines).toEqual([
      'WARN orders: 2 events not confirmed, will retry (timeout)',
      'WARN orders: 1 events not confirmed, will retry (timeout)',
    ]);
  });

  it('only debugs a failure while the broker is away: the outage has its own lines', () => {
    const log = new OutboxFailureLog(logger);
    log.after('orders', [no(new Error('timeout'))], false);
    log.after('billing', [no(refusal)], false);
    expect(lines[0]).toBe('DEBUG orders: 1 events not confirmed, will retry (timeout)');
    expect(lines[1]).toMatch(/^ERROR billing: outbox publish refused/);
  });
});
