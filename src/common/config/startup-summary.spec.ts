import { loadAppConfig } from './load-app-config';
import { startupSummary } from './startup-summary';

const texts = (env: Record<string, string>) =>
  startupSummary(loadAppConfig(env)).map((l) => l.text);

describe('startupSummary', () => {
  it('shows where things are, never a password', () => {
    const lines = texts({
      PORT: '8080',
      MONGODB_URI: 'mongodb://app:pw1@db/shop',
      SMTP_URL: 'smtp://mailer:pw2@mail.example.com:587',
      AMQP_URL: 'amqp://app:pw3@rabbit:5672',
      ADMIN_API_KEY: 'a-long-enough-key',
      APP_MODULES: 'orders',
    });
    expect(lines).toEqual([
      'orderflow starting on http://localhost:8080 (Swagger UI at /docs)',
      'Storage: MongoDB mongodb://app:***@db/shop',
      'Broker: amqp://app:***@rabbit:5672',
      'Mail: SMTP smtp://mailer:***@mail.example.com:587',
      'Modules loaded: orders',
      'Admin: on (send Authorization: Bearer <ADMIN_API_KEY>)',
      'Config: environment only (no .env; .env.example lists every variable)',
    ]);
  });

  it('names the catalog cache where inventory runs, never its password', () => {
    const line = (env: Record<string, string>) =>
      startupSummary(loadAppConfig(env))
        .map((l) => l.text)
        .find((t) => t.startsWith('Catalog cache'));
    expect(line({ REDIS_URL: 'redis://:s3cret@cache:6379' })).toBe(
      'Catalog cache: Redis redis://:***@cache:6379',
    );
    expect(line({})).toBe(
      'Catalog cache: in this process (set REDIS_URL to share one Redis across instances)',
    );
    expect(line({ APP_MODULES: 'orders' })).toBeUndefined();
  });

  it('says how to turn admin on, and which .env values the environment overrode', () => {
    const summary = startupSummary(loadAppConfig({}), {
      path: '/app/.env',
      applied: ['PORT', 'MAIL_FROM'],
      shadowed: ['AMQP_URL'],
    });
    expect(summary.find((l) => l.warn)?.text).toMatch(/ADMIN_API_KEY=\$\(openssl rand -hex 32\)/);
    expect(summary.at(-1)?.text).toBe(
      "Config: /app/.env set 2 variable(s); the environment's AMQP_URL won over it",
    );
    expect(summary[3].text).toBe(
      'Mail: embedded catcher on port 1025, nothing leaves this machine; ' +
        'read it at http://localhost:3000/dev/mailbox',
    );
  });
});
