import { loadAppConfig } from './load-app-config';

const PROD = {
  NODE_ENV: 'production',
  SMTP_URL: 'smtp://mail:25',
};

describe('observability settings', () => {
  it('logs info, pretty outside production and JSON in production, by default', () => {
    expect(loadAppConfig({})).toMatchObject({ logLevel: 'info', logFormat: 'pretty' });
    expect(loadAppConfig({ NODE_ENV: 'test' }).logFormat).toBe('pretty');
    expect(loadAppConfig(PROD).logFormat).toBe('json');
  });

  it('reads LOG_LEVEL and LOG_FORMAT, whatever the environment', () => {
    expect(loadAppConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'json' })).toMatchObject({
      logLevel: 'debug',
      logFormat: 'json',
    });
    expect(loadAppConfig({ ...PROD, LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadAppConfig({ LOG_LEVEL: 'verbose' })).toThrow(
      /LOG_LEVEL="verbose": must be one of trace, debug, info, warn, error, fatal/,
    );
    expect(() => loadAppConfig({ LOG_FORMAT: 'text' })).toThrow(
      /LOG_FORMAT="text": must be json or pretty/,
    );
  });

  it('reads the outbox age past which the process is not ready; 0 turns the rule off', () => {
    expect(loadAppConfig({}).readyOutboxMaxAgeMs).toBe(60_000);
    expect(loadAppConfig({ READY_OUTBOX_MAX_AGE_MS: '0' }).readyOutboxMaxAgeMs).toBe(0);
    expect(() => loadAppConfig({ READY_OUTBOX_MAX_AGE_MS: '-1' })).toThrow(
      /READY_OUTBOX_MAX_AGE_MS="-1": must be 0 \(off\) or more/,
    );
    expect(() => loadAppConfig({ READY_OUTBOX_MAX_AGE_MS: 'soon' })).toThrow(
      /READY_OUTBOX_MAX_AGE_MS="soon": must be a whole number/,
    );
  });
});
