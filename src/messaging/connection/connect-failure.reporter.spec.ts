import { Logger } from '@nestjs/common';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { EventEmitter } from 'node:events';
import { ConnectFailureReporter, REPEAT_REPORT_MS } from './connect-failure.reporter';

const UNTRUSTED = Object.assign(new Error('self-signed certificate in certificate chain'), {
  code: 'SELF_SIGNED_CERT_IN_CHAIN',
});
const REFUSED = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5672'), {
  code: 'ECONNREFUSED',
});
const A = 'amqps://app:s3cret@rabbit-a:5671';
const B = 'amqps://app:s3cret@rabbit-b:5671';

describe('ConnectFailureReporter', () => {
  let manager: EventEmitter;
  let now: number;
  let reporter: ConnectFailureReporter;
  let error: jest.SpyInstance;
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  const fail = (err: Error, url: unknown) => manager.emit('connectFailed', { err, url });

  beforeEach(() => {
    manager = new EventEmitter();
    now = 0;
    reporter = new ConnectFailureReporter(manager as unknown as AmqpConnectionManager, () => now);
    reporter.start();
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation();
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation();
  });
  afterEach(() => jest.restoreAllMocks());

  it('reports a TLS mistake as one error line, then stays quiet while it repeats', () => {
    for (let i = 0; i < 10; i++, now += 1000) fail(UNTRUSTED, A);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(
      'Cannot connect to RabbitMQ at amqps://app:***@rabbit-a:5671: TLS: self-signed ' +
        "certificate in certificate chain. Fix: set AMQP_TLS_CA_FILE to the CA that signed the broker's certificate",
    );
  });

  it('repeats a lasting failure once a minute, with the attempts since', () => {
    fail(UNTRUSTED, A);
    for (let i = 0; i < 5; i++) fail(UNTRUSTED, A);
    now = REPEAT_REPORT_MS;
    fail(UNTRUSTED, A);
    expect(error).toHaveBeenCalledTimes(2);
    expect(error.mock.calls[1][0]).toMatch(/\(still failing: 6 attempts since the last report\)$/);
  });

  it('reports each broker of the failover list, and each new cause', () => {
    fail(UNTRUSTED, A);
    fail(UNTRUSTED, { url: B });
    fail(REFUSED, A);
    fail(REFUSED, undefined);
    expect(error).toHaveBeenCalledTimes(2);
    expect(error.mock.calls[1][0]).toContain('rabbit-b');
    // No setting to fix: the broker may just be down, a warning.
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'Cannot connect to RabbitMQ at amqps://app:***@rabbit-a:5671: connect ECONNREFUSED 127.0.0.1:5672',
      'Cannot connect to RabbitMQ at the broker: connect ECONNREFUSED 127.0.0.1:5672',
    ]);
  });

  it('starts afresh after a successful connect, and stops listening when stopped', () => {
    fail(UNTRUSTED, A);
    manager.emit('connect', {});
    fail(UNTRUSTED, A);
    expect(error).toHaveBeenCalledTimes(2);
    reporter.stop();
    expect(manager.listenerCount('connectFailed')).toBe(0);
    expect(manager.listenerCount('connect')).toBe(0);
    expect(manager.listenerCount('disconnect')).toBe(0);
  });

  it('tells a lost connection once, sums it up once a minute, and tells when it is back', () => {
    manager.emit('connect', { url: A });
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      'Connected to RabbitMQ at amqps://app:***@rabbit-a:5671',
    ]);
    const forced = new Error('Connection closed: 320 (CONNECTION-FORCED) with message "x"');
    manager.emit('disconnect', { err: forced });
    manager.emit('disconnect', { err: forced });
    for (let i = 0; i < 70; i++, now += 1000) fail(REFUSED, A);
    manager.emit('connect', { url: B });
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'Lost the connection to RabbitMQ at amqps://app:***@rabbit-a:5671: Connection closed: 320 ' +
        '(CONNECTION-FORCED) with message "x"; reconnecting, events wait in the outbox until it is back',
      'RabbitMQ still unreachable after 60.0 s: 61 failed attempts (last: connect ECONNREFUSED 127.0.0.1:5672)',
    ]);
    expect(error).not.toHaveBeenCalled();
    expect(log.mock.calls[1][0]).toBe(
      'Reconnected to RabbitMQ at amqps://app:***@rabbit-b:5671 after 70.0 s (70 failed attempts)',
    );
  });

  it('still names a cause with a fix met during an outage', () => {
    manager.emit('connect', { url: A });
    manager.emit('disconnect', {});
    fail(UNTRUSTED, A);
    fail(UNTRUSTED, A);
    expect(warn.mock.calls[0][0]).toMatch(/^Lost the connection to RabbitMQ at .*: closed;/);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
