import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Everything a TLS test needs, as PEM files in one directory. */
export interface TestCertificates {
  dir: string;
  /** The CA that signed the server and client certificates below. */
  caFile: string;
  /** For the names given (default `localhost`), signed by caFile. */
  serverCertFile: string;
  serverKeyFile: string;
  /** CN `orderflow-client`, for mutual TLS, signed by caFile. */
  clientCertFile: string;
  clientKeyFile: string;
  /** A CA that signed nothing here: trusting it alone must refuse the server. */
  otherCaFile: string;
}

export function opensslInstalled(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Our own config, so the system openssl.cnf can neither add nor duplicate extensions.
const REQ_CONFIG = '[req]\ndistinguished_name = dn\nprompt = no\n[dn]\n';

/**
 * Generates, with the openssl CLI, a CA, a server and a client certificate it signed, and an
 * unrelated second CA. RSA 2048 and a 2-day validity: what brokers and Node accept by default.
 */
export function generateTestCertificates(
  dir: string,
  serverNames: string[] = ['localhost'],
): TestCertificates {
  mkdirSync(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  writeFileSync(file('req.cnf'), REQ_CONFIG);
  const openssl = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

  const ca = (name: string) => {
    openssl([
      'req', '-x509', '-new', '-nodes', '-newkey', 'rsa:2048', '-days', '2',
      '-config', 'req.cnf', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE',
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout', `${name}.key`, '-out', `${name}.pem`,
    ]); // prettier-ignore
  };
  const leaf = (name: string, cn: string, extensions: string[]) => {
    openssl([
      'req', '-new', '-nodes', '-newkey', 'rsa:2048', '-config', 'req.cnf', '-subj', `/CN=${cn}`,
      '-keyout', `${name}.key`, '-out', `${name}.csr`,
    ]); // prettier-ignore
    writeFileSync(file(`${name}.ext`), ['basicConstraints = CA:FALSE', ...extensions].join('\n'));
    openssl([
      'x509', '-req', '-in', `${name}.csr`, '-CA', 'test-ca.pem', '-CAkey', 'test-ca.key',
      '-set_serial', String(Date.now()), '-days', '2', '-extfile', `${name}.ext`,
      '-out', `${name}.pem`,
    ]); // prettier-ignore
  };

  ca('test-ca');
  ca('other-ca');
  const altNames = serverNames.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`));
  leaf('server', serverNames[0], [
    'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = serverAuth',
    `subjectAltName = ${altNames.join(', ')}`,
  ]);
  leaf('client', 'orderflow-client', [
    'keyUsage = critical, digitalSignature, keyEncipherment',
    'extendedKeyUsage = clientAuth',
  ]);
  return {
    dir,
    caFile: file('test-ca.pem'),
    serverCertFile: file('server.pem'),
    serverKeyFile: file('server.key'),
    clientCertFile: file('client.pem'),
    clientKeyFile: file('client.key'),
    otherCaFile: file('other-ca.pem'),
  };
}
