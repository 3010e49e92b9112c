import { ConfigError } from './config.error';
import { loadAppConfig } from './load-app-config';

describe('loadAppConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadAppConfig({});
    expect(c).toMatchObject({
      port: 3000,
      amqpUrl: 'amqp://guest:guest@localhost:5672',
      mongodbUri: undefined,
      smtpUrl: undefined,
    });
    expect(c.appModules).toEqual(['orders', 'inventory', 'billing', 'notifications']);
    expect(c.retryDelaysMs).toEqual([1000, 5000, 25000]);
    expect(c.devMailboxEnabled).toBe(true);
  });

  it('reads AMQP_URL as a failover list of cluster nodes', () => {
    const c = loadAppConfig({
      AMQP_URL: 'amqp://u:p@n1:5672, amqp://u:p@n2:5672,amqps://u:p@n3:5671',
      AMQP_HEARTBEAT_SECONDS: '10',
    });
    expect(c.amqpUrls).toEqual(['amqp://u:p@n1:5672', 'amqp://u:p@n2:5672', 'amqps://u:p@n3:5671']);
    expect(c.amqpUrl).toBe('amqp://u:p@n1:5672');
    expect(c.amqpHeartbeatSeconds).toBe(10);
    expect(() => loadAppConfig({ AMQP_URL: 'amqp://a, http://b' })).toThrow(
      /AMQP_URL=.*: entries must start/,
    );
    expect(() => loadAppConfig({ AMQP_URL: ' , ' })).toThrow(/at least one broker/);
    expect(() => loadAppConfig({ AMQP_HEARTBEAT_SECONDS: '0' })).toThrow(/AMQP_HEARTBEAT_SECONDS/);
  });

  it('reads lists, numbers and per-module Mongo URIs', () => {
    const c = loadAppConfig({
      APP_MODULES: 'orders, billing',
      PORT: '8080',
      RETRY_DELAYS_MS: '100,200',
      MONGODB_URI: 'mongodb://m/x',
      BILLING_MONGODB_URI: 'mongodb://b/y',
    });
    expect(c.appModules).toEqual(['orders', 'billing']);
    expect(c.port).toBe(8080);
    expect(c.retryDelaysMs).toEqual([100, 200]);
    expect(c.mongodbUriFor('billing')).toBe('mongodb://b/y');
    expect(c.mongodbUriFor('orders')).toBe('mongodb://m/x');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ AMQP_URL: 'http://x' }, 'AMQP_URL'],
    [{ APP_MODULES: 'orders,shipping' }, 'APP_MODULES'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY'],
    [{ RETRY_DELAYS_MS: '1000,x' }, 'RETRY_DELAYS_MS'],
  ])('fails fast on %j, naming the setting', (env, name) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(new RegExp(name));
  });

  it('turns the dev mailbox off with a real SMTP server or in production', () => {
    expect(loadAppConfig({ SMTP_URL: 'smtp://h:25' }).devMailboxEnabled).toBe(false);
    expect(loadAppConfig({ ...PRODUCTION }).devMailboxEnabled).toBe(false);
  });

  it('reads the HTTP edge settings, with safe defaults', () => {
    expect(loadAppConfig({})).toMatchObject({
      bodyLimitBytes: 102400,
      corsOrigins: [],
      orderRateLimit: 60,
      orderRateWindowMs: 60000,
      docsServed: true,
    });
    const c = loadAppConfig({
      BODY_LIMIT_BYTES: '2048',
      CORS_ORIGINS: 'https://shop.example.com, http://localhost:5173',
      ORDER_RATE_LIMIT: '0',
      ORDER_RATE_WINDOW_MS: '1000',
      DOCS_ENABLED: 'false',
    });
    expect(c).toMatchObject({
      bodyLimitBytes: 2048,
      corsOrigins: ['https://shop.example.com', 'http://localhost:5173'],
      orderRateLimit: 0,
      orderRateWindowMs: 1000,
      docsServed: false,
    });
  });

  it('serves the docs in production only when DOCS_ENABLED=true', () => {
    expect(loadAppConfig({ ...PRODUCTION }).docsServed).toBe(false);
    expect(loadAppConfig({ ...PRODUCTION, DOCS_ENABLED: 'true' }).docsServed).toBe(true);
  });

  it.each([
    [{ BODY_LIMIT_BYTES: '10' }, 'BODY_LIMIT_BYTES'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://a.example/path' }, 'CORS_ORIGINS'],
    [{ ORDER_RATE_LIMIT: '-1' }, 'ORDER_RATE_LIMIT'],
    [{ ORDER_RATE_WINDOW_MS: 'soon' }, 'ORDER_RATE_WINDOW_MS'],
    [{ DOCS_ENABLED: 'yes' }, 'DOCS_ENABLED'],
  ])('refuses the edge setting %j, naming it', (env, name) => {
    expect(() => loadAppConfig(env)).toThrow(new RegExp(name));
  });

  describe('in production', () => {
    it('starts with a mail server and a long random admin key, or none', () => {
      expect(loadAppConfig({ ...PRODUCTION }).adminApiKey).toBe(LONG_KEY);
      const { ADMIN_API_KEY: _omitted, ...noKey } = PRODUCTION;
      expect(loadAppConfig(noKey).adminApiKey).toBeUndefined();
      expect(loadAppConfig({ ...noKey, SMTP_URL: undefined, SMTP_HOST: 'mail' })).toBeTruthy();
    });

    it.each([
      ['no mail transport', { SMTP_URL: undefined }, 'SMTP_URL'],
      ['the compose default key', { ADMIN_API_KEY: 'change-me-please' }, 'ADMIN_API_KEY'],
      ['a known default key', { ADMIN_API_KEY: 'ChangeMe' }, 'ADMIN_API_KEY'],
      ['a short key', { ADMIN_API_KEY: 'k'.repeat(31) }, 'ADMIN_API_KEY.*32'],
    ])('refuses to start with %s, naming the variable', (_what, env, name) => {
      const run = () => loadAppConfig({ ...PRODUCTION, ...env });
      expect(run).toThrow(ConfigError);
      expect(run).toThrow(new RegExp(name));
    });

    it('allows the same short key outside production', () => {
      expect(loadAppConfig({ ADMIN_API_KEY: 'k'.repeat(8) }).adminApiKey).toBe('kkkkkkkk');
    });
  });
});

const LONG_KEY = 'f'.repeat(64);
const PRODUCTION: Record<string, string | undefined> = {
  NODE_ENV: 'production',
  SMTP_URL: 'smtp://mail.example.com:587',
  ADMIN_API_KEY: LONG_KEY,
};
