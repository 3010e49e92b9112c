import { readFileSync } from 'node:fs';
import { loadAppConfig } from '../../common/config/load-app-config';
import { TlsFixtureFiles, writeTlsFixtures } from '../../common/config/tls.fixtures';
import { amqpSocketOptions } from './amqp-socket-options';

describe('amqpSocketOptions', () => {
  let f: TlsFixtureFiles;
  beforeAll(() => (f = writeTlsFixtures()));
  afterAll(() => f.remove());
  const url = 'amqps://u:p@10.0.0.5:5671';

  it('checks certificates even without TLS settings (system CAs, the URL host)', () => {
    expect(amqpSocketOptions(loadAppConfig({ AMQP_URL: url }))).toEqual({
      rejectUnauthorized: true,
    });
  });

  it('trusts AMQP_TLS_CA_FILE, as read at startup', () => {
    const options = amqpSocketOptions(loadAppConfig({ AMQP_URL: url, AMQP_TLS_CA_FILE: f.cert }));
    expect(options).toEqual({ rejectUnauthorized: true, ca: readFileSync(f.cert) });
  });

  it('presents the client certificate for mutual TLS, and checks the name given', () => {
    const c = loadAppConfig({
      AMQP_URL: url,
      AMQP_TLS_CA_FILE: f.cert,
      AMQP_TLS_CERT_FILE: f.cert,
      AMQP_TLS_KEY_FILE: f.key,
      AMQP_TLS_SERVERNAME: 'rabbit.internal',
    });
    expect(amqpSocketOptions(c)).toEqual({
      rejectUnauthorized: true,
      ca: readFileSync(f.cert),
      cert: readFileSync(f.cert),
      key: readFileSync(f.key),
      servername: 'rabbit.internal',
    });
  });
});
