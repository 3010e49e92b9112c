import { AppConfig } from './app-config';
import type { EnvFileLoaded } from './load-env-file';
import { withoutPassword } from './without-password';

export interface SummaryLine {
  text: string;
  /** Worth a warning: something a newcomer will trip over. */
  warn?: boolean;
}

/**
 * What an operator needs to know first, before Nest's own lines: where the app answers, what it
 * stores in and talks to, and what is switched off and how to switch it on. Built from the
 * configuration alone, so it can come out before anything has started.
 */
export function startupSummary(config: AppConfig, envFile?: EnvFileLoaded): SummaryLine[] {
  const url = config.port === 0 ? 'a free port' : `http://localhost:${config.port}`;
  const docs = config.docsServed
    ? 'Swagger UI at /docs'
    : 'docs off: DOCS_ENABLED=true serves them';
  return [
    { text: `orderflow starting on ${url} (${docs})` },
    { text: `Storage: ${storage(config)}` },
    {
      text:
        `Broker: ${config.amqpUrls.map(withoutPassword).join(', ')}` +
        (config.amqpNamePrefix ? ` (names prefixed "${config.amqpNamePrefix}")` : ''),
    },
    { text: `Mail: ${mail(config, url)}` },
    ...(config.isLoaded('inventory') ? [{ text: `Catalog cache: ${cache(config)}` }] : []),
    { text: `Modules loaded: ${config.appModules.join(', ')}` },
    config.adminApiKey
      ? { text: 'Admin: on (send Authorization: Bearer <ADMIN_API_KEY>)' }
      : {
          text:
            'Admin: off, admin endpoints answer 403. To enable: ' +
            'ADMIN_API_KEY=$(openssl rand -hex 32) npm start (or set it in .env)',
          warn: true,
        },
    { text: `Config: ${source(envFile)}` },
  ];
}

function storage(config: AppConfig): string {
  const overrides = Object.entries(config.moduleMongodbUris).map(
    ([module, uri]) => `${module}: ${withoutPassword(uri)}`,
  );
  if (!config.mongodbUri && overrides.length === 0)
    return 'in-memory, lost on restart (set MONGODB_URI for MongoDB)';
  const main = config.mongodbUri ? [withoutPassword(config.mongodbUri)] : [];
  return `MongoDB ${[...main, ...overrides].join(', ')}`;
}

function cache(config: AppConfig): string {
  if (config.redisUrl) return `Redis ${withoutPassword(config.redisUrl)}`;
  return 'in this process (set REDIS_URL to share one Redis across instances)';
}

function mail(config: AppConfig, url: string): string {
  if (config.smtpUrl) return `SMTP ${withoutPassword(config.smtpUrl)}`;
  if (config.smtpHost) return `SMTP ${config.smtpHost}:${config.smtpPort}`;
  if (config.gmailUser) return `Gmail as ${config.gmailUser}`;
  const port = config.mailCatcherPort === 0 ? 'a free port' : `port ${config.mailCatcherPort}`;
  const box = config.port === 0 ? '/dev/mailbox' : `${url}/dev/mailbox`;
  return `embedded catcher on ${port}, nothing leaves this machine; read it at ${box}`;
}

function source(envFile?: EnvFileLoaded): string {
  if (!envFile) return 'environment only (no .env; .env.example lists every variable)';
  const won = envFile.shadowed.length
    ? `; the environment's ${envFile.shadowed.join(', ')} won over it`
    : '';
  return `${envFile.path} set ${envFile.applied.length} variable(s)${won}`;
}
