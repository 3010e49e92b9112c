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
    [{ PORT: 'abc' }, 'port'],
    [{ AMQP_URL: 'http://x' }, 'AMQP_URL'],
    [{ APP_MODULES: 'orders,shipping' }, 'APP_MODULES'],
    [{ MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL'],
    [{ ADMIN_API_KEY: 'short' }, 'ADMIN_API_KEY'],
    [{ RETRY_DELAYS_MS: '1000,x' }, 'retryDelaysMs'],
  ])('fails fast on %j, naming the setting', (env, name) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(new RegExp(name));
  });

  it('turns the dev mailbox off with a real SMTP server or in production', () => {
    expect(loadAppConfig({ SMTP_URL: 'smtp://h:25' }).devMailboxEnabled).toBe(false);
    expect(loadAppConfig({ NODE_ENV: 'production' }).devMailboxEnabled).toBe(false);
  });
});
