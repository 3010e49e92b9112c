import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { CorrelationContext } from '../correlation/correlation.context';
import { DomainError } from './domain.error';
import { ProblemFilter } from './problem.filter';

class BrokerDownError extends DomainError {
  readonly code = 'MESSAGING.UNAVAILABLE';
  readonly kind = 'unavailable' as const;
}

function answer(error: unknown, route?: object) {
  const headers: Record<string, string> = { 'x-correlation-id': 'from-header' };
  const sent: { status?: number; type?: string; body?: Record<string, unknown> } = {};
  const res = {
    headersSent: false,
    getHeader: (name: string) => headers[name],
    setHeader: (name: string, value: string) => (headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(type: string) {
      sent.type = type;
      return this;
    },
    send: (text: string) => (sent.body = JSON.parse(text) as Record<string, unknown>),
  };
  const req = { method: 'GET', path: '/x', route };
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(error, host);
  return { ...sent, headers };
}

describe('ProblemFilter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('answers a bug with a bare 500: no message, stack or path reaches the client', () => {
    const bug = new TypeError(`Cannot read 'x' of undefined at /work/main/src/a.ts:1:2`);
    const { status, type, body } = CorrelationContext.run({ correlationId: 'cid-1' }, () =>
      answer(bug, {}),
    );
    expect([status, type]).toEqual([500, 'application/problem+json']);
    expect(body).toEqual({
      type: 'urn:orderflow:problem:INTERNAL',
      title: 'Internal Server Error',
      status: 500,
      code: 'INTERNAL',
      detail: expect.stringContaining('correlationId'),
      correlationId: 'cid-1',
    });
    expect(JSON.stringify(body)).not.toMatch(/work|TypeError|Cannot read|\.ts/);
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.stringContaining('Cannot read'),
      bug.stack,
    );
  });

  it('maps a domain error by its kind, keeps its details and asks for a retry on 503', () => {
    const { status, body, headers } = answer(new BrokerDownError('down', { queue: 'q' }), {});
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(body).toMatchObject({
      code: 'MESSAGING.UNAVAILABLE',
      detail: 'down',
      details: { queue: 'q' },
    });
    expect(body?.correlationId).toBe('from-header');
  });

  it('tells an unknown route from a missing resource', () => {
    expect(answer(new NotFoundException('Cannot GET /x')).body?.code).toBe('ROUTE.NOT_FOUND');
    expect(answer(new NotFoundException('No mail 7'), {}).body).toMatchObject({
      code: 'RESOURCE.NOT_FOUND',
      detail: 'No mail 7',
    });
  });

  it('answers an Express http-error by its status, without its message', () => {
    const err = Object.assign(new Error('raw internal words'), { status: 413, expose: true });
    const { status, body } = answer(err, {});
    expect(status).toBe(413);
    expect(body).toMatchObject({ code: 'REQUEST.BODY_TOO_LARGE', detail: 'Payload Too Large' });
    const hidden = Object.assign(new Error('db at 10.0.0.3'), { status: 400, expose: false });
    expect(answer(hidden, {}).body).toMatchObject({ status: 500, code: 'INTERNAL' });
  });
});
