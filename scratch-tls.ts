import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as amqp from 'amqplib';
import { PrivateNode, chownToBrokerUser } from './test/support/private-broker/private-node';
import { freePort } from './test/support/app-process';
import { generateTestCertificates } from './test/support/tls/test-certificates';

async function main() {
  const base = mkdtempSync(join(tmpdir(), 'of-tls-'));
  const certs = generateTestCertificates(join(base, 'tls'));
  chownToBrokerUser(base);
  const tlsPort = await freePort();
  const t0 = Date.now();
  const node = await PrivateNode.start({ baseDir: base, config: [
    `listeners.ssl.default = 127.0.0.1:${tlsPort}`,
    `ssl_options.cacertfile = ${certs.caFile}`,
    `ssl_options.certfile = ${certs.serverCertFile}`,
    `ssl_options.keyfile = ${certs.serverKeyFile}`,
    'ssl_options.verify = verify_peer',
    'ssl_options.fail_if_no_peer_cert = false',
  ]});
  console.log('started in', Date.now() - t0);
  const ca = readFileSync(certs.caFile), other = readFileSync(certs.otherCaFile);
  const cert = readFileSync(certs.clientCertFile), key = readFileSync(certs.clientKeyFile);
  const tries: Array<[string, string, object]> = [
    ['ok', `amqps://guest:guest@localhost:${tlsPort}`, { ca }],
    ['mtls', `amqps://guest:guest@localhost:${tlsPort}`, { ca, cert, key }],
    ['wrongca', `amqps://guest:guest@localhost:${tlsPort}`, { ca: other }],
    ['noca', `amqps://guest:guest@localhost:${tlsPort}`, {}],
    ['ip', `amqps://guest:guest@127.0.0.1:${tlsPort}`, { ca }],
    ['ip+sn', `amqps://guest:guest@127.0.0.1:${tlsPort}`, { ca, servername: 'localhost' }],
    ['badclient', `amqps://guest:guest@localhost:${tlsPort}`, { ca, cert: readFileSync(certs.serverCertFile), key: readFileSync(certs.serverKeyFile) }],
  ];
  try {
    for (const [name, url, opts] of tries) {
      try {
        const c = await amqp.connect(url, opts);
        console.log(name, 'OK');
        if (name === 'mtls') console.log(await node.ctl(['list_connections', 'peer_cert_subject', 'ssl']));
        await c.close();
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        console.log(name, 'FAIL', err.code, '|', err.message);
      }
    }
  } finally {
    await node.remove();
  }
}
void main();
