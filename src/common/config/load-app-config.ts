import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig, FEATURE_MODULES } from './app-config';
import { ConfigError } from './config.error';
import { describeConfigErrors } from './config-messages';
import { productionProblems } from './production-rules';
import { loadTlsFiles } from './tls-files';

type Env = Record<string, string | undefined>;

/** The one place that reads the environment. A bad value fails fast, naming the variable. */
export function loadAppConfig(env: Env = process.env): AppConfig {
  const raw: Record<string, unknown> = {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    amqpUrls: env.AMQP_URL,
    amqpHeartbeatSeconds: env.AMQP_HEARTBEAT_SECONDS,
    amqpReconnectMs: env.AMQP_RECONNECT_MS,
    amqpNamePrefix: env.AMQP_NAME_PREFIX,
    amqpTlsCaFile: env.AMQP_TLS_CA_FILE || undefined,
    amqpTlsCertFile: env.AMQP_TLS_CERT_FILE || undefined,
    amqpTlsKeyFile: env.AMQP_TLS_KEY_FILE || undefined,
    amqpTlsServername: env.AMQP_TLS_SERVERNAME || undefined,
    mongodbTlsCaFile: env.MONGODB_TLS_CA_FILE || undefined,
    mongodbTlsCertKeyFile: env.MONGODB_TLS_CERT_KEY_FILE || undefined,
    smtpTlsCaFile: env.SMTP_TLS_CA_FILE || undefined,
    mongodbUri: env.MONGODB_URI || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    shopName: env.SHOP_NAME,
    supportEmail: env.SUPPORT_EMAIL,
    smtpHost: env.SMTP_HOST || undefined,
    smtpPort: env.SMTP_PORT,
    smtpSecure: env.SMTP_SECURE === undefined ? undefined : env.SMTP_SECURE === 'true',
    smtpUser: env.SMTP_USER || undefined,
    smtpPass: env.SMTP_PASS || undefined,
    gmailUser: env.GMAIL_USER || undefined,
    gmailClientId: env.GMAIL_CLIENT_ID || undefined,
    gmailClientSecret: env.GMAIL_CLIENT_SECRET || undefined,
    gmailRefreshToken: env.GMAIL_REFRESH_TOKEN || undefined,
    mailCatcherPort: env.MAIL_CATCHER_PORT,
    appModules: env.APP_MODULES,
    adminApiKey: env.ADMIN_API_KEY || undefined,
    retryDelaysMs: env.RETRY_DELAYS_MS,
    consumerPrefetch: env.CONSUMER_PREFETCH,
    rpcTimeoutMs: env.RPC_TIMEOUT_MS,
    deadLetterRedriveIntervalMs: env.DLQ_REDRIVE_INTERVAL_MS,
    deadLetterRedriveMax: env.DLQ_REDRIVE_MAX,
    shopCurrency: env.SHOP_CURRENCY,
    seedDemoCatalog:
      env.SEED_DEMO_CATALOG === undefined ? undefined : env.SEED_DEMO_CATALOG !== 'false',
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    corsOrigins: env.CORS_ORIGINS,
    orderRateLimit: env.ORDER_RATE_LIMIT,
    orderRateWindowMs: env.ORDER_RATE_WINDOW_MS,
    paymentTimeoutMs: env.PAYMENT_TIMEOUT_MS,
    docsEnabled: env.DOCS_ENABLED || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    logFormat: env.LOG_FORMAT || (env.NODE_ENV === 'production' ? 'json' : undefined),
    readyOutboxMaxAgeMs: env.READY_OUTBOX_MAX_AGE_MS,
    otelExporterOtlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    otelServiceName: env.OTEL_SERVICE_NAME,
    redisUrl: env.REDIS_URL || undefined,
    catalogCacheTtlMs: env.CATALOG_CACHE_TTL_MS,
    catalogMemoryTtlMs: env.CATALOG_MEMORY_TTL_MS,
  };
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const config = plainToInstance(AppConfig, defined);
  for (const module of FEATURE_MODULES) {
    const uri = env[`${module.toUpperCase()}_MONGODB_URI`];
    if (uri) config.moduleMongodbUris[module] = uri;
  }
  const errors = validateSync(config, { forbidUnknownValues: true });
  const messages = [
    ...describeConfigErrors(errors, env),
    ...productionProblems(config),
    ...loadTlsFiles(config),
  ];
  if (messages.length > 0) throw new ConfigError(messages);
  return config;
}
