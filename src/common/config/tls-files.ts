import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { BrokerSettings } from './broker-settings';
import { TLS_FILE_VARIABLES, TlsFileSetting } from './tls-settings';
import { withoutPassword } from './without-password';

const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const CA_FILES: TlsFileSetting[] = ['amqpTlsCaFile', 'mongodbTlsCaFile', 'smtpTlsCaFile'];

/**
 * Reads every TLS file the config names, once, into `config.tlsFiles`, and checks each holds what
 * its variable promises. Returns the problems, each naming the variable to fix: a wrong path
 * or a bad PEM fails startup here, not as a handshake error on every reconnect.
 */
export function loadTlsFiles(config: BrokerSettings): string[] {
  const problems: string[] = [];
  for (const [setting, variable] of Object.entries(TLS_FILE_VARIABLES)) {
    const path = config[setting as TlsFileSetting];
    if (!path) continue;
    try {
      config.tlsFiles[setting as TlsFileSetting] = readFileSync(path);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      const why = e.code === 'ENOENT' ? 'no such file' : e.message;
      problems.push(`${variable}: cannot read ${path} (${why})`);
    }
  }
  const files = config.tlsFiles;
  for (const setting of CA_FILES) {
    const pem = files[setting];
    if (pem && !holdsCertificates(pem))
      problems.push(`${TLS_FILE_VARIABLES[setting]}: ${config[setting]} holds no PEM certificate`);
  }
  if (files.amqpTlsCertFile && files.amqpTlsKeyFile) {
    const why = secureContextProblem(files.amqpTlsCertFile, files.amqpTlsKeyFile);
    if (why)
      problems.push(`AMQP_TLS_CERT_FILE / AMQP_TLS_KEY_FILE: not a matching PEM pair (${why})`);
  }
  if (files.mongodbTlsCertKeyFile) {
    const pem = files.mongodbTlsCertKeyFile;
    const why = secureContextProblem(pem, pem);
    if (why)
      problems.push(`MONGODB_TLS_CERT_KEY_FILE: needs a PEM certificate and its key (${why})`);
  }
  const plain = config.amqpUrls.filter((u) => !u.startsWith('amqps://'));
  if (config.amqpTlsConfigured && plain.length > 0)
    problems.push(
      'AMQP_TLS_* settings apply to amqps:// URLs only, but AMQP_URL has plain ' +
        plain.map(withoutPassword).join(', '),
    );
  return problems;
}

function holdsCertificates(pem: Buffer): boolean {
  const blocks = pem.toString('utf8').match(CERTIFICATE) ?? [];
  try {
    blocks.forEach((b) => new X509Certificate(b));
    return blocks.length > 0;
  } catch {
    return false;
  }
}

function secureContextProblem(cert: Buffer, key: Buffer): string | undefined {
  try {
    createSecureContext({ cert, key });
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^error:[0-9A-F]+:/, '');
  }
}
