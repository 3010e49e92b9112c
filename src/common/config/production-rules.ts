import { AppConfig } from './app-config';

/** Shortest admin key accepted in production: 32 random characters are out of guessing range. */
export const MIN_PRODUCTION_ADMIN_KEY_LENGTH = 32;

/** Keys that ship in examples and compose files; whoever knows the repo knows them. */
const PUBLISHED_KEYS = new Set([
  'change-me-please',
  'changeme',
  'change-me',
  'changeit',
  'admin',
  'password',
  'secret',
  'test-admin-key-123',
]);

/**
 * Settings that are fine for a laptop but unsafe for real customers. Production refuses to start
 * with them rather than run with emails that go nowhere or an admin key anyone could guess.
 */
export function productionProblems(config: AppConfig): string[] {
  if (config.nodeEnv !== 'production') return [];
  const problems: string[] = [];
  if (!config.mailServerConfigured)
    problems.push(
      'SMTP_URL (or SMTP_HOST, or GMAIL_USER with its OAuth2 settings) is required in production: ' +
        'without a mail server customer emails would go nowhere',
    );
  const key = config.adminApiKey;
  if (key !== undefined && PUBLISHED_KEYS.has(key.trim().toLowerCase()))
    problems.push('ADMIN_API_KEY is a published example value; generate a random key');
  else if (key !== undefined && key.length < MIN_PRODUCTION_ADMIN_KEY_LENGTH)
    problems.push(
      `ADMIN_API_KEY must be at least ${MIN_PRODUCTION_ADMIN_KEY_LENGTH} characters in production ` +
        '(e.g. openssl rand -hex 32), or unset to close the admin endpoints',
    );
  return problems;
}
