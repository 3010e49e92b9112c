import { getMetadataStorage } from 'class-validator';
import { AppConfig } from './app-config';
import { CONFIG_VARIABLES } from './config-variables';
import { ConfigError } from './config.error';
import { loadAppConfig } from './load-app-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
};

/** A wrong value for every variable that can be wrong (free-form strings cannot). */
const WRONG: Record<string, string> = {
  NODE_ENV: 'prod',
  PORT: 'abc',
  AMQP_URL: 'http://broker',
  AMQP_NAME_PREFIX: 'a b',
  AMQP_HEARTBEAT_SECONDS: '0',
  AMQP_RECONNECT_MS: '5',
  MONGODB_URI: 'postgres://db',
  SMTP_URL: 'mail.example.com',
  MAIL_FROM: 'x',
  SHOP_NAME: 'x'.repeat(81),
  SUPPORT_EMAIL: 'nobody',
  SMTP_PORT: '0',
  MAIL_CATCHER_PORT: '70000',
  APP_MODULES: 'orders,shipping',
  ADMIN_API_KEY: 'short',
  RETRY_DELAYS_MS: '1000,x',
  CONSUMER_PREFETCH: '5000',
  RPC_TIMEOUT_MS: '1',
  SHOP_CURRENCY: 'euro',
  DLQ_REDRIVE_INTERVAL_MS: '-1',
  DLQ_REDRIVE_MAX: '0',
  BODY_LIMIT_BYTES: '10',
  CORS_ORIGINS: 'shop.example.com',
  ORDER_RATE_LIMIT: '-1',
  ORDER_RATE_WINDOW_MS: '1',
  PAYMENT_TIMEOUT_MS: '1',
  DOCS_ENABLED: 'maybe',
  LOG_LEVEL: 'loud',
  LOG_FORMAT: 'xml',
  READY_OUTBOX_MAX_AGE_MS: '-5',
  OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
};

describe('configuration errors', () => {
  it('knows the variable of every validated field', () => {
    const validated = getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((m) => m.propertyName);
    expect(validated.filter((field) => !CONFIG_VARIABLES[field])).toEqual([]);
  });

  it.each(Object.entries(WRONG))(
    'names %s, what was given and what is accepted, never the field',
    (variable, value) => {
      const [problem, ...others] = problemsOf({ [variable]: value });
      expect(others).toEqual([]);
      expect(problem.startsWith(`${variable}`)).toBe(true);
      expect(problem).toContain('. Expected ');
      expect(problem).not.toMatch(/\b[a-z]+[A-Z]\w*/); // no camelCase field name anywhere
    },
  );

  it('reads CONSUMER_PREFETCH=5000 as an operator would want', () => {
    expect(problemsOf({ CONSUMER_PREFETCH: '5000' })).toEqual([
      'CONSUMER_PREFETCH="5000": must not be greater than 1000. ' +
        'Expected a whole number from 1 to 1000, e.g. 100',
    ]);
    expect(problemsOf({ PORT: 'abc' })[0]).toBe(
      'PORT="abc": must be an integer number. ' +
        'Expected a port number from 0 to 65535 (0 picks a free port), e.g. 3000',
    );
  });

  it('never echoes a secret or a password', () => {
    expect(problemsOf({ ADMIN_API_KEY: 'short' })[0]).toMatch(/^ADMIN_API_KEY \(value hidden\)/);
    const [amqp] = problemsOf({ AMQP_URL: 'http://u:s3cret@broker' });
    expect(amqp).toMatch(/^AMQP_URL="http:\/\/u:\*\*\*@broker/);
    expect(amqp).not.toContain('s3cret');
  });

  it('says which variable is missing from a pair', () => {
    expect(problemsOf({ GMAIL_USER: 'shop@gmail.com' })).toEqual([
      expect.stringMatching(/^GMAIL_CLIENT_ID \(unset\): is required with GMAIL_USER/),
      expect.stringMatching(/^GMAIL_CLIENT_SECRET \(unset\)/),
      expect.stringMatching(/^GMAIL_REFRESH_TOKEN \(unset\)/),
    ]);
  });
});
