import { AmqpConnection } from '@golevelup/nestjs-rabbitmq';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrokerConnection } from '../src/messaging';
import { freePort } from './support/app-process';
import { LogCapture } from './support/log-capture';
import { OrdersApi } from './support/orders-api';
import { PrivateNode } from './support/private-broker/private-node';
import { listRows, rabbitInstalled } from './support/private-broker/rabbit-tools';
import { describeWhen } from './support/requires';
import { TestApp, startTestApp } from './support/test-app';
import {
  TestCertificates,
  generateTestCertificates,
  opensslInstalled,
} from './support/tls/test-certificates';
import { waitFor } from './support/wait-for';

/** The captured lines, plus the stack traces ConsoleLogger writes apart from them. */
class LogAndStackCapture extends LogCapture {
  readonly stacks: string[] = [];

  constructor() {
    super();
    // golevelup's own failure report put its stack trace at debug level: show it if it comes.
    this.setLogLevels(['log', 'warn', 'error', 'debug']);
  }

  protected printStackTrace(stack: string): void {
    if (stack) this.stacks.push(stack);
  }
}

/**
 * A private node with a TLS listener (certificates made by openssl at test time; the server's
 * is for `localhost` only) and the app connecting to it with amqps://. verify_peer makes the
 * node ask for a client certificate, which it then checks against the test CA; without
 * fail_if_no_peer_cert a client may still connect without one.
 */
describeWhen(rabbitInstalled() && opensslInstalled(), 'rabbitmq-server and openssl')(
  'RabbitMQ over TLS',
  () => {
    let node: PrivateNode;
    let certs: TestCertificates;
    let tlsPort: number;
    const apps: TestApp[] = [];
    const start = async (env: Record<string, string>, logger?: LogCapture) => {
      const t = await startTestApp(env, { logger });
      apps.push(t);
      return t;
    };
    const tlsUrl = (host: string) => `amqps://guest:guest@${host}:${tlsPort}`;
    /** The node's TLS client connections: the client certificate each presented, if any. */
    const tlsClients = async () =>
      (await listRows(node.node, ['list_connections', 'ssl', 'peer_cert_subject']))
        .filter(([ssl]) => ssl === 'true')
        .map(([, subject]) => subject);

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'orderflow-tls-'));
      certs = generateTestCertificates(join(dir, 'tls'), ['localhost']);
      tlsPort = await freePort();
      // PrivateNode hands its directory (certificates included) to the broker's user.
      node = await PrivateNode.start({
        baseDir: dir,
        config: [
          `listeners.ssl.default = 127.0.0.1:${tlsPort}`,
          `ssl_options.cacertfile = ${certs.caFile}`,
          `ssl_options.certfile = ${certs.serverCertFile}`,
          `ssl_options.keyfile = ${certs.serverKeyFile}`,
          'ssl_options.verify = verify_peer',
          'ssl_options.fail_if_no_peer_cert = false',
        ],
      });
    });

    afterAll(async () => {
      for (const t of apps) await t.close().catch(() => undefined);
      await node?.remove();
    });

    it('places an order that reaches CONFIRMED over amqps://, trusting AMQP_TLS_CA_FILE', async () => {
      const t = await start({ AMQP_URL: tlsUrl('localhost'), AMQP_TLS_CA_FILE: certs.caFile });
      const api = new OrdersApi(t);
      await api.createProduct('TLS-MUG', 1200, 5);
      const order = await api.place([{ sku: 'TLS-MUG', quantity: 2 }]);
      await api.waitForStatus(order.id, 'CONFIRMED');
      expect((await t.http().get('/health').expect(200)).body.brokerConnected).toBe(true);
      // Every connection of the app is TLS, none with a client certificate.
      expect(await tlsClients()).toEqual(['']);
      await t.stop();
    });

    it('presents the client certificate for mutual TLS', async () => {
      const t = await start({
        AMQP_URL: tlsUrl('localhost'),
        AMQP_TLS_CA_FILE: certs.caFile,
        AMQP_TLS_CERT_FILE: certs.clientCertFile,
        AMQP_TLS_KEY_FILE: certs.clientKeyFile,
      });
      expect(t.app.get(BrokerConnection).connected).toBe(true);
      await waitFor(tlsClients, (s) => s.length === 1, { what: 'the app on the TLS listener' });
      expect(await tlsClients()).toEqual(['CN=orderflow-client']);
      await t.stop();
    });

    it('connects by IP when AMQP_TLS_SERVERNAME names what the certificate is for', async () => {
      const t = await start({
        AMQP_URL: tlsUrl('127.0.0.1'),
        AMQP_TLS_CA_FILE: certs.caFile,
        AMQP_TLS_SERVERNAME: 'localhost',
      });
      expect(t.app.get(BrokerConnection).connected).toBe(true);
      await t.stop();
    });

    describe('refused with one clear line per cause', () => {
      const logs = new LogAndStackCapture();
      let wrongCa: TestApp;
      let wrongHost: TestApp;
      const reports = (url: string) =>
        logs.lines
          .filter((l) => l.text.includes(`Cannot connect to RabbitMQ at ${url}`))
          .map((l) => ({ level: l.level, text: l.text }));

      beforeAll(async () => {
        // One after the other: golevelup finds an app's connection in a process-wide registry
        // by name, which two apps starting at once would both read the second's from.
        wrongCa = await start(
          { AMQP_URL: tlsUrl('localhost'), AMQP_TLS_CA_FILE: certs.otherCaFile },
          logs,
        );
        wrongHost = await start(
          { AMQP_URL: tlsUrl('127.0.0.1'), AMQP_TLS_CA_FILE: certs.caFile },
          logs,
        );
        // A few more reconnect attempts each, after startup: still no second line.
        const failures = [0, 0];
        [wrongCa, wrongHost].forEach((t, i) =>
          t.app.get(AmqpConnection).managedConnection.on('connectFailed', () => failures[i]++),
        );
        await waitFor(
          async () => failures,
          (f) => f.every((n) => n >= 2),
          { what: 'two more failed attempts of each app' },
        );
      });

      it('a wrong CA: names the broker, the TLS reason and AMQP_TLS_CA_FILE', async () => {
        expect(reports(`amqps://guest:***@localhost:${tlsPort}`)).toEqual([
          {
            level: 'error',
            text: expect.stringMatching(
              /: TLS: self-signed certificate in certificate chain\. Fix: set AMQP_TLS_CA_FILE to the CA that signed the broker's certificate$/,
            ),
          },
        ]);
        const health = (await wrongCa.http().get('/health').expect(503)).body;
        expect(health).toMatchObject({ status: 'degraded', brokerConnected: false });
      });

      it('a host the certificate is not for: names the mismatch and how to fix it', async () => {
        expect(reports(`amqps://guest:***@127.0.0.1:${tlsPort}`)).toEqual([
          {
            level: 'error',
            text: expect.stringContaining(
              "TLS: Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in " +
                "the cert's list; the certificate is for DNS:localhost. Fix: use a host the " +
                'certificate names in AMQP_URL, or set AMQP_TLS_SERVERNAME to one',
            ),
          },
        ]);
        expect(wrongHost.app.get(BrokerConnection).connected).toBe(false);
        expect((await wrongHost.http().get('/health')).body.brokerConnected).toBe(false);
      });

      it('no stack trace, no password, no generic line per attempt', () => {
        expect(logs.stacks).toEqual([]);
        const text = logs.lines.map((l) => l.text).join('\n');
        expect(text).not.toContain('guest:guest');
        expect(text).not.toMatch(/Connection Failed|Stack trace/);
        // One line for each app, however many attempts each made.
        expect(reports(`amqps://guest:***@`)).toHaveLength(2);
      });
    });
  },
);
