/** How an operator sets one setting: the variable's name and the form its value takes. */
export interface ConfigVariable {
  variable: string;
  form: string;
  /** Never echoed back in an error: it is, or may hold, a secret. */
  secret?: boolean;
}

const PEM = 'a path to a readable PEM file, e.g. /etc/orderflow/tls/ca.pem';
const v = (variable: string, form: string, secret = false): ConfigVariable => ({
  variable,
  form,
  ...(secret ? { secret } : {}),
});

/**
 * Every validated AppConfig field by the environment variable that sets it, so an error names
 * what the operator typed (CONSUMER_PREFETCH), never the field (consumerPrefetch).
 */
export const CONFIG_VARIABLES: Record<string, ConfigVariable> = {
  nodeEnv: v('NODE_ENV', 'development, production or test'),
  port: v('PORT', 'a port number from 0 to 65535 (0 picks a free port), e.g. 3000'),
  amqpUrls: v('AMQP_URL', 'amqp:// or amqps:// URLs, comma separated, e.g. amqp://localhost:5672'),
  amqpNamePrefix: v('AMQP_NAME_PREFIX', 'letters, digits, dots, dashes and underscores, e.g. dev.'),
  amqpHeartbeatSeconds: v('AMQP_HEARTBEAT_SECONDS', 'whole seconds from 1 to 60, e.g. 5'),
  amqpReconnectMs: v('AMQP_RECONNECT_MS', 'whole milliseconds, at least 100, e.g. 1000'),
  amqpTlsCaFile: v('AMQP_TLS_CA_FILE', PEM),
  amqpTlsCertFile: v('AMQP_TLS_CERT_FILE', `${PEM}, set together with AMQP_TLS_KEY_FILE`),
  amqpTlsKeyFile: v('AMQP_TLS_KEY_FILE', `${PEM}, set together with AMQP_TLS_CERT_FILE`),
  amqpTlsServername: v('AMQP_TLS_SERVERNAME', 'a host name, e.g. rabbitmq.example.com'),
  mongodbTlsCaFile: v('MONGODB_TLS_CA_FILE', PEM),
  mongodbTlsCertKeyFile: v('MONGODB_TLS_CERT_KEY_FILE', PEM),
  smtpTlsCaFile: v('SMTP_TLS_CA_FILE', PEM),
  mongodbUri: v('MONGODB_URI', 'a MongoDB URI, e.g. mongodb://localhost:27017/orderflow'),
  smtpUrl: v('SMTP_URL', 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com'),
  mailFrom: v('MAIL_FROM', 'a sender of 3 or more characters, e.g. "Shop <no-reply@shop.com>"'),
  shopName: v('SHOP_NAME', '1 to 80 characters, e.g. "Acme Store"'),
  supportEmail: v('SUPPORT_EMAIL', 'an email address, e.g. support@shop.example.com'),
  smtpHost: v('SMTP_HOST', 'a host name, e.g. smtp.example.com'),
  smtpPort: v('SMTP_PORT', 'a port number from 1 to 65535, e.g. 587'),
  smtpSecure: v('SMTP_SECURE', 'true (TLS from the first byte, port 465) or false (STARTTLS)'),
  smtpUser: v('SMTP_USER', 'a user name'),
  smtpPass: v('SMTP_PASS', 'a password', true),
  gmailUser: v('GMAIL_USER', 'a Gmail address, with its three OAuth2 settings'),
  gmailClientId: v('GMAIL_CLIENT_ID', 'an OAuth2 client id, set with GMAIL_USER'),
  gmailClientSecret: v('GMAIL_CLIENT_SECRET', 'an OAuth2 client secret, set with GMAIL_USER', true),
  gmailRefreshToken: v('GMAIL_REFRESH_TOKEN', 'an OAuth2 refresh token, set with GMAIL_USER', true),
  mailCatcherPort: v('MAIL_CATCHER_PORT', 'a port number from 0 to 65535, e.g. 1025'),
  appModules: v('APP_MODULES', 'a comma list of orders, inventory, billing, notifications'),
  adminApiKey: v(
    'ADMIN_API_KEY',
    '8 or more characters (32 in production): openssl rand -hex 32',
    true,
  ),
  retryDelaysMs: v(
    'RETRY_DELAYS_MS',
    'comma-separated milliseconds, each 10 or more, e.g. 1000,5000',
  ),
  consumerPrefetch: v('CONSUMER_PREFETCH', 'a whole number from 1 to 1000, e.g. 100'),
  rpcTimeoutMs: v('RPC_TIMEOUT_MS', 'whole milliseconds, 100 or more, e.g. 3000'),
  seedDemoCatalog: v('SEED_DEMO_CATALOG', 'true or false'),
  redisUrl: v('REDIS_URL', 'a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379', true),
  catalogCacheTtlMs: v('CATALOG_CACHE_TTL_MS', 'whole milliseconds from 100 to 3600000, e.g. 10000'),
  catalogMemoryTtlMs: v('CATALOG_MEMORY_TTL_MS', 'whole milliseconds from 0 (off) to 60000, e.g. 1000'),
  shopCurrency: v('SHOP_CURRENCY', 'a three-letter ISO 4217 code, e.g. EUR'),
  deadLetterRedriveIntervalMs: v('DLQ_REDRIVE_INTERVAL_MS', 'whole milliseconds, 0 turns it off'),
  deadLetterRedriveMax: v('DLQ_REDRIVE_MAX', 'a whole number, 1 or more, e.g. 3'),
  bodyLimitBytes: v('BODY_LIMIT_BYTES', 'whole bytes, 1024 or more, e.g. 102400'),
  corsOrigins: v('CORS_ORIGINS', 'comma-separated origins, e.g. https://shop.example.com'),
  orderRateLimit: v('ORDER_RATE_LIMIT', 'a whole number, 0 turns the limit off, e.g. 60'),
  orderRateWindowMs: v('ORDER_RATE_WINDOW_MS', 'whole milliseconds, 100 or more, e.g. 60000'),
  paymentTimeoutMs: v('PAYMENT_TIMEOUT_MS', 'whole milliseconds, 100 or more, e.g. 600000'),
  docsEnabled: v('DOCS_ENABLED', 'true or false (unset: on outside production)'),
  logLevel: v('LOG_LEVEL', 'trace, debug, info, warn, error or fatal'),
  logFormat: v('LOG_FORMAT', 'json or pretty'),
  readyOutboxMaxAgeMs: v('READY_OUTBOX_MAX_AGE_MS', 'whole milliseconds, 0 turns the rule off'),
  otelExporterOtlpEndpoint: v(
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'an http(s) URL, e.g. http://localhost:4318',
  ),
  otelServiceName: v('OTEL_SERVICE_NAME', 'a non-empty name, e.g. orderflow-orders'),
};

/** The variable for a field; one missing from the table still never shows its camelCase name. */
export function variableFor(field: string): ConfigVariable {
  return (
    CONFIG_VARIABLES[field] ??
    v(field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase(), 'see .env.example')
  );
}
