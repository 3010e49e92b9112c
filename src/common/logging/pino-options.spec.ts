import { EventEmitter } from 'node:events';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { Writable } from 'node:stream';
import { ObservabilitySettings } from '../config/observability-settings';
import { CorrelationContext } from '../correlation/correlation.context';
import { pinoOptions, requestLogOptions } from './pino-options';

function settings(over: Partial<ObservabilitySettings> = {}): ObservabilitySettings {
  return Object.assign(new ObservabilitySettings(), { logFormat: 'json' }, over);
}

/** A pino logger on the app's options that keeps its output, to read as an operator's tool would. */
function capture(over: Partial<ObservabilitySettings> = {}) {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  const logger = pino(pinoOptions(settings(over)), sink);
  const lines = () => out.split('\n').filter(Boolean);
  return {
    logger,
    lines,
    json: () => lines().map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('pino options', () => {
  it('writes one JSON object per line, with the level as a word and an ISO time', () => {
    const { logger, lines, json } = capture();
    logger.info({ context: 'Bootstrap' }, 'Listening');
    logger.warn('second\nline in one message');
    expect(lines()).toHaveLength(2);
    const [first, second] = json();
    expect(first).toMatchObject({ level: 'info', context: 'Bootstrap', msg: 'Listening' });
    expect(new Date(first.time as string).toISOString()).toBe(first.time);
    expect(second).toMatchObject({ level: 'warn', msg: 'second\nline in one message' });
    expect(first).not.toHaveProperty('correlationId');
  });

  it("names the flow's correlation id, order and message on every line inside it", () => {
    const { logger, json } = capture();
    const scope = { correlationId: 'c-1', causationId: 'm-1' };
    CorrelationContext.run(scope, () => {
      logger.info('handling');
      CorrelationContext.setOrderId('o-1');
      logger.info('placed');
    });
    expect(json()).toEqual([
      expect.objectContaining({ correlationId: 'c-1', messageId: 'm-1', msg: 'handling' }),
      expect.objectContaining({ correlationId: 'c-1', messageId: 'm-1', orderId: 'o-1' }),
    ]);
  });

  it('honours LOG_LEVEL', () => {
    const { logger, json } = capture({ logLevel: 'warn' });
    logger.info('dropped');
    logger.debug('dropped');
    logger.error('kept');
    expect(json().map((l) => l.msg)).toEqual(['kept']);
  });

  it('keeps only method and path of a request: no headers, so no admin key', () => {
    const { logger, json } = capture();
    const req = { method: 'POST', url: '/orders', headers: { authorization: 'Bearer secret' } };
    logger.info({ req, res: { statusCode: 202, headers: {} } }, 'done');
    expect(json()[0]).toMatchObject({
      req: { method: 'POST', url: '/orders' },
      res: { statusCode: 202 },
    });
    expect(JSON.stringify(json()[0])).not.toContain('secret');
  });

  it('logs HTTP requests by status, and not the probes and scrapes', () => {
    const options = requestLogOptions();
    const ignore = (options.autoLogging as { ignore: (req: { url: string }) => boolean }).ignore;
    expect(
      ['/health', '/health/ready', '/metrics', '/health?x=1'].map((url) => ignore({ url })),
    ).toEqual([true, true, true, true]);
    expect(ignore({ url: '/orders' })).toBe(false);
    expect(ignore({ url: '/healthy' })).toBe(false);
    const level = options.customLogLevel as (
      req: unknown,
      res: { statusCode: number },
      err?: Error,
    ) => string;
    expect([200, 404, 503].map((statusCode) => level({}, { statusCode }))).toEqual([
      'info',
      'warn',
      'error',
    ]);
    expect(level({}, { statusCode: 200 }, new Error('x'))).toBe('error');
  });
});

describe('the HTTP request log', () => {
  it('writes method, path, status and time, never a header', async () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const logger = pino(pinoOptions(settings()), sink);
    const middleware = pinoHttp({ logger, ...requestLogOptions() });
    const req = Object.assign(new EventEmitter(), {
      method: 'GET',
      url: '/orders/1',
      headers: { authorization: 'Bearer secret-key' },
      socket: {},
    });
    const res = Object.assign(new EventEmitter(), {
      statusCode: 200,
      headersSent: true,
      getHeader: () => undefined,
      getHeaders: () => ({ 'x-correlation-id': 'c-9' }),
    });
    middleware(req as never, res as never, () => undefined);
    res.emit('finish');
    const line = JSON.parse(out.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'info',
      req: { method: 'GET', url: '/orders/1' },
      res: { statusCode: 200 },
      msg: expect.stringMatching(/^GET \/orders\/1 200 in \d+ ms$/),
    });
    expect(out).not.toContain('secret-key');
    expect(out).not.toContain('x-correlation-id');
  });
});
