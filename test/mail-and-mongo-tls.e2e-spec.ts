import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, TLSSocket, createServer } from 'node:tls';
import mongoose from 'mongoose';
import { loadAppConfig } from '../src/common/config/load-app-config';
import { mongoTlsOptions } from '../src/common/persistence/mongo-tls-options';
import { OrdersApi } from './support/orders-api';
import { describeWhen } from './support/requires';
import { TestApp, startTestApp } from './support/test-app';
import { TestSmtpServer } from './support/test-smtp-server';
import {
  TestCertificates,
  generateTestCertificates,
  opensslInstalled,
} from './support/tls/test-certificates';
import { waitFor } from './support/wait-for';

interface Handshake {
  authorized: boolean;
  clientCn?: string | string[];
}

/**
 * Stands in for mongod's TLS layer: completes (or fails) the handshake, notes the client
 * certificate, and hangs up. Enough to show what the driver does with the options we build;
 * the MongoDB protocol after it is the driver's business.
 */
async function tlsProbeServer(
  certs: TestCertificates,
): Promise<{ server: Server; seen: Handshake[] }> {
  const seen: Handshake[] = [];
  const server = createServer(
    {
      key: readFileSync(certs.serverKeyFile),
      cert: readFileSync(certs.serverCertFile),
      ca: readFileSync(certs.caFile),
      requestCert: true,
      rejectUnauthorized: false,
    },
    (socket: TLSSocket) => {
      seen.push({
        authorized: socket.authorized,
        clientCn: socket.getPeerCertificate().subject?.CN,
      });
      socket.destroy();
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen };
}

describeWhen(opensslInstalled(), 'openssl')('TLS to the mail server and MongoDB', () => {
  let dir: string;
  let certs: TestCertificates;
  const apps: TestApp[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderflow-tls-'));
    certs = generateTestCertificates(dir, ['localhost']);
  });

  afterAll(async () => {
    for (const t of apps) await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('SMTP over TLS (smtps://) to a server with a private CA', () => {
    let smtp: TestSmtpServer;
    const tlsKeys = () => ({
      key: readFileSync(certs.serverKeyFile),
      cert: readFileSync(certs.serverCertFile),
    });
    const mailCheck = async (t: TestApp) =>
      (await t.http().get('/health').expect(200)).body.checks.mail as {
        status: string;
        detail: string;
      };

    beforeAll(async () => (smtp = await new TestSmtpServer().start(0, tlsKeys())));
    afterAll(async () => {
      // The apps first: the server waits for their pooled connections to end before it stops.
      for (const t of apps.splice(0)) await t.close();
      await smtp?.stop();
    });

    it('sends the order email, trusting SMTP_TLS_CA_FILE', async () => {
      const t = await startTestApp({
        SMTP_URL: `smtps://localhost:${smtp.port}`,
        SMTP_TLS_CA_FILE: certs.caFile,
      });
      apps.push(t);
      const api = new OrdersApi(t);
      await api.createProduct('TLS-MAIL', 900, 5);
      const order = await api.place([{ sku: 'TLS-MAIL', quantity: 1 }]);
      await api.waitForStatus(order.id, 'CONFIRMED');
      await waitFor(
        async () => smtp.mailsFor(order.id),
        (m) => m.length === 1,
        { what: 'the order email over smtps' },
      );
      expect(await mailCheck(t)).toMatchObject({ status: 'up' });
    });

    it('refuses a server whose certificate the configured CA did not sign', async () => {
      const t = await startTestApp({
        SMTP_URL: `smtps://localhost:${smtp.port}`,
        SMTP_TLS_CA_FILE: certs.otherCaFile,
      });
      apps.push(t);
      const check = await waitFor(
        () => mailCheck(t),
        (c) => c.status !== 'unknown',
        { what: 'the mail transport check' },
      );
      expect(check.status).toBe('down');
      expect(check.detail).toMatch(/unable to verify the first certificate/);
    });
  });

  describe('MongoDB driver options (a TLS endpoint standing in for mongod)', () => {
    let probe: { server: Server; seen: Handshake[] };
    let certKeyFile: string;
    beforeAll(async () => {
      probe = await tlsProbeServer(certs);
      certKeyFile = join(dir, 'client-cert-and-key.pem');
      writeFileSync(
        certKeyFile,
        Buffer.concat([readFileSync(certs.clientCertFile), readFileSync(certs.clientKeyFile)]),
      );
    });
    afterAll(() => new Promise((resolve) => probe.server.close(resolve)));

    /** Connects as the app would with these settings; the endpoint hangs up after TLS. */
    async function connectWith(env: Record<string, string>): Promise<Error> {
      const port = (probe.server.address() as AddressInfo).port;
      const options = mongoTlsOptions(loadAppConfig(env));
      const connection = mongoose.createConnection(
        `mongodb://localhost:${port}/?directConnection=true`,
        { ...options, serverSelectionTimeoutMS: 1500 },
      );
      const error = await connection.asPromise().then(
        () => new Error('connected to a server that is no mongod'),
        (e: Error) => e,
      );
      await connection.close().catch(() => undefined);
      return error;
    }

    it('verifies the server with MONGODB_TLS_CA_FILE and presents MONGODB_TLS_CERT_KEY_FILE', async () => {
      probe.seen.length = 0;
      await connectWith({
        MONGODB_TLS_CA_FILE: certs.caFile,
        MONGODB_TLS_CERT_KEY_FILE: certKeyFile,
      });
      expect(probe.seen.length).toBeGreaterThan(0);
      expect(probe.seen[0]).toEqual({ authorized: true, clientCn: 'orderflow-client' });
    });

    it('refuses the server when the CA file did not sign its certificate', async () => {
      probe.seen.length = 0;
      const error = await connectWith({ MONGODB_TLS_CA_FILE: certs.otherCaFile });
      expect(probe.seen).toEqual([]);
      expect(error.message).toBe('self-signed certificate in certificate chain');
    });
  });
});
