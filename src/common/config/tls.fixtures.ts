import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A self-signed EC certificate and its key, made once with openssl for unit tests only (valid
 * until 2126): what the config checks parse. Handshakes are tested in test/, with
 * certificates generated at test time.
 */
export const UNIT_TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBOTCB3wIULghtVDSEgLDmrvXmkImi7D+hPNAwCgYIKoZIzj0EAwIwHjEcMBoG
A1UEAwwTb3JkZXJmbG93LXVuaXQtdGVzdDAgFw0yNjExMjcxMjI5NThaGA8yMTI2
MTEwMzEyMjk1OFowHjEcMBoGA1UEAwwTb3JkZXJmbG93LXVuaXQtdGVzdDBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABDTmzbF9Jf4zB93ggG4aqPiN1/zBFirGuxYo
dFHaCRBFc5Ge8wQS3WutvVpy9h0bMGe3h7D14nXvAysnt1d5nLUwCgYIKoZIzj0E
AwIDSQAwRgIhALMVkhRHi/GtBOP9EflFYmyzVTvbCK91S4RWCSJUkv2JAiEA0hW3
DNikhzSMOCJf+wZMSDQ9RLGS4ih8BtuSqG+Why4=
-----END CERTIFICATE-----
`;

export const UNIT_TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgkBR5vl4VfnctVkZE
0wqtBDbLD3mfYyHnMDQ19JrYJ/WhRANCAAQ05s2xfSX+Mwfd4IBuGqj4jdf8wRYq
xrsWKHRR2gkQRXORnvMEEt1rrb1acvYdGzBnt4ew9eJ17wMrJ7dXeZy1
-----END PRIVATE KEY-----
`;

export interface TlsFixtureFiles {
  /** Where they are; remove() deletes it. */
  dir: string;
  remove: () => void;
  cert: string;
  key: string;
  /** Certificate and key in one file, as MONGODB_TLS_CERT_KEY_FILE takes them. */
  certAndKey: string;
  /** A key of some other pair. */
  otherKey: string;
  /** Text that is no PEM at all. */
  junk: string;
  missing: string;
}

/** The fixtures written to a fresh temporary directory, as the settings name files. */
export function writeTlsFixtures(): TlsFixtureFiles {
  const dir = mkdtempSync(join(tmpdir(), 'orderflow-tls-unit-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    cert: file('cert.pem', UNIT_TEST_CERT),
    key: file('key.pem', UNIT_TEST_KEY),
    certAndKey: file('cert-and-key.pem', UNIT_TEST_CERT + UNIT_TEST_KEY),
    otherKey: file('other.key', other.export({ type: 'pkcs8', format: 'pem' }).toString()),
    junk: file('junk.pem', 'not a certificate\n'),
    missing: join(dir, 'no-such.pem'),
  };
}
