import { readFileSync } from 'node:fs';
import { ConfigError } from './config.error';
import { loadAppConfig } from './load-app-config';
import { TlsFixtureFiles, writeTlsFixtures } from './tls.fixtures';
import { withoutPassword } from './without-password';

const TLS_URL = 'amqps://app:s3cret@rabbit.internal:5671';

/** The problems loadAppConfig refuses to start with, or [] when it starts. */
function problems(env: Record<string, string>): string[] {
  try {
    loadAppConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('TLS settings', () => {
  let f: TlsFixtureFiles;
  beforeAll(() => (f = writeTlsFixtures()));
  afterAll(() => f.remove());

  it('reads every TLS file once, at startup', () => {
    const c = loadAppConfig({
      AMQP_URL: TLS_URL,
      AMQP_TLS_CA_FILE: f.cert,
      AMQP_TLS_CERT_FILE: f.cert,
      AMQP_TLS_KEY_FILE: f.key,
      AMQP_TLS_SERVERNAME: 'rabbit.example.com',
      MONGODB_TLS_CA_FILE: f.cert,
      MONGODB_TLS_CERT_KEY_FILE: f.certAndKey,
      SMTP_TLS_CA_FILE: f.cert,
    });
    expect(c.tlsFiles.amqpTlsCaFile).toEqual(readFileSync(f.cert));
    expect(c.tlsFiles.amqpTlsKeyFile).toEqual(readFileSync(f.key));
    expect(c.tlsFiles.smtpTlsCaFile).toEqual(readFileSync(f.cert));
    expect(c.tlsFiles.mongodbTlsCertKeyFile).toEqual(readFileSync(f.certAndKey));
    expect(c).toMatchObject({ amqpTlsServername: 'rabbit.example.com', amqpTlsConfigured: true });
    expect(c.mongodbTlsConfigured).toBe(true);
  });

  it('needs none of them: unset, nothing is read and TLS uses the system CAs', () => {
    const c = loadAppConfig({ AMQP_URL: TLS_URL, AMQP_TLS_CA_FILE: '', SMTP_TLS_CA_FILE: '' });
    expect(c.tlsFiles).toEqual({});
    expect(c.amqpTlsConfigured).toBe(false);
    expect(c.mongodbTlsConfigured).toBe(false);
  });

  it.each([[{ AMQP_TLS_CERT_FILE: 'cert' }], [{ AMQP_TLS_KEY_FILE: 'key' }]])(
    'wants the client certificate and key together (%j)',
    (env) => {
      expect(problems({ AMQP_URL: TLS_URL, ...env })).toContainEqual(
        expect.stringContaining(
          'AMQP_TLS_CERT_FILE and AMQP_TLS_KEY_FILE go together: set both for mutual TLS, or neither',
        ),
      );
    },
  );

  it.each([
    ['AMQP_TLS_CA_FILE'],
    ['MONGODB_TLS_CA_FILE'],
    ['MONGODB_TLS_CERT_KEY_FILE'],
    ['SMTP_TLS_CA_FILE'],
  ])('fails startup on a %s that cannot be read, naming it', (variable) => {
    expect(problems({ AMQP_URL: TLS_URL, [variable]: f.missing })).toEqual([
      `${variable}: cannot read ${f.missing} (no such file)`,
    ]);
  });

  it('says why a file that exists cannot be read', () => {
    const [problem] = problems({ AMQP_URL: TLS_URL, AMQP_TLS_CA_FILE: '/' });
    expect(problem).toMatch(/^AMQP_TLS_CA_FILE: cannot read \/ \(.*EISDIR/);
  });

  it.each([['AMQP_TLS_CA_FILE'], ['MONGODB_TLS_CA_FILE'], ['SMTP_TLS_CA_FILE']])(
    'refuses a %s that holds no certificate',
    (variable) => {
      expect(problems({ AMQP_URL: TLS_URL, [variable]: f.junk })).toEqual([
        `${variable}: ${f.junk} holds no PEM certificate`,
      ]);
      expect(problems({ AMQP_URL: TLS_URL, [variable]: f.key })).toEqual([
        `${variable}: ${f.key} holds no PEM certificate`,
      ]);
    },
  );

  it('refuses a client certificate with a key of another pair', () => {
    const [problem] = problems({
      AMQP_URL: TLS_URL,
      AMQP_TLS_CERT_FILE: f.cert,
      AMQP_TLS_KEY_FILE: f.otherKey,
    });
    expect(problem).toMatch(
      /^AMQP_TLS_CERT_FILE \/ AMQP_TLS_KEY_FILE: not a matching PEM pair \(.*key values mismatch\)$/,
    );
  });

  it('refuses a MONGODB_TLS_CERT_KEY_FILE without its key', () => {
    const [problem] = problems({ MONGODB_TLS_CERT_KEY_FILE: f.cert });
    expect(problem).toMatch(/^MONGODB_TLS_CERT_KEY_FILE: needs a PEM certificate and its key/);
  });

  it('refuses broker TLS settings for a plain amqp:// URL, which would silently ignore them', () => {
    expect(
      problems({
        AMQP_URL: `${TLS_URL},amqp://app:s3cret@rabbit-2:5672`,
        AMQP_TLS_CA_FILE: f.cert,
      }),
    ).toEqual([
      'AMQP_TLS_* settings apply to amqps:// URLs only, but AMQP_URL has plain amqp://app:***@rabbit-2:5672',
    ]);
  });

  it('hides passwords in URLs it names', () => {
    expect(withoutPassword('amqps://app:s3cret@h:5671/vh')).toBe('amqps://app:***@h:5671/vh');
    expect(withoutPassword('amqps://h:5671')).toBe('amqps://h:5671');
    expect(withoutPassword('amqp://u:p@ss w@h')).toBe('amqp://u:***@h');
  });
});
