import { readFileSync } from 'node:fs';
import { AddressInfo, createServer, Socket } from 'node:net';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { loadAppConfig } from '../../common/config/load-app-config';
import { writeTlsFixtures } from '../../common/config/tls.fixtures';
import { describeMailTransport, mailTransportOptions } from './mail-transport';

describe('mail transport from config', () => {
  it('uses SMTP_URL first and never shows its password', () => {
    const c = loadAppConfig({
      SMTP_URL: 'smtps://mailer:s3cret@smtp.example.com:465',
      SMTP_HOST: 'ignored',
    });
    // Parsed, as nodemailer does with a `url` (ignoring every other option next to it).
    expect(mailTransportOptions(c, 0)).toEqual({
      secure: true,
      host: 'smtp.example.com',
      port: 465,
      auth: { user: 'mailer', pass: 's3cret' },
      getSocket: expect.any(Function),
    });
    expect(describeMailTransport(c, 0)).toBe('smtps://mailer:***@smtp.example.com:465');
  });

  it('builds host, port, TLS and credentials from parts', () => {
    const c = loadAppConfig({
      SMTP_HOST: 'mail.local',
      SMTP_PORT: '2525',
      SMTP_SECURE: 'true',
      SMTP_USER: 'u',
      SMTP_PASS: 'p4ss',
    });
    expect(mailTransportOptions(c, 0)).toMatchObject({
      pool: true,
      host: 'mail.local',
      port: 2525,
      secure: true,
      auth: { user: 'u', pass: 'p4ss' },
    });
    expect(describeMailTransport(c, 0)).not.toContain('p4ss');
    expect(c.devMailboxEnabled).toBe(false);
  });

  it('speaks OAuth2 to Gmail and requires all four settings', () => {
    const env = {
      GMAIL_USER: 'me@gmail.com',
      GMAIL_CLIENT_ID: 'id',
      GMAIL_CLIENT_SECRET: 'secret',
      GMAIL_REFRESH_TOKEN: 'refresh',
    };
    expect(mailTransportOptions(loadAppConfig(env), 0)).toMatchObject({
      service: 'gmail',
      auth: { type: 'OAuth2', user: 'me@gmail.com', refreshToken: 'refresh' },
    });
    expect(describeMailTransport(loadAppConfig(env), 0)).not.toMatch(/secret|refresh/);
    expect(() => loadAppConfig({ GMAIL_USER: 'me@gmail.com' })).toThrow(/GMAIL_CLIENT_ID/);
  });

  it('falls back to the embedded catcher', () => {
    expect(mailTransportOptions(loadAppConfig({}), 2526)).toMatchObject({
      pool: true,
      maxConnections: 20,
      host: '127.0.0.1',
      port: 2526,
      secure: false,
      ignoreTLS: true,
    });
  });

  it('trusts SMTP_TLS_CA_FILE for a URL or a host, read at startup', () => {
    const fixtures = writeTlsFixtures();
    const { cert } = fixtures;
    const ca = readFileSync(cert);
    const byUrl = loadAppConfig({
      SMTP_URL: 'smtps://mail.internal:465/?tls.minVersion=TLSv1.3',
      SMTP_TLS_CA_FILE: cert,
    });
    expect(mailTransportOptions(byUrl, 0)).toMatchObject({
      host: 'mail.internal',
      secure: true,
      tls: { minVersion: 'TLSv1.3', ca },
    });
    const byHost = loadAppConfig({ SMTP_HOST: 'mail.internal', SMTP_TLS_CA_FILE: cert });
    expect(mailTransportOptions(byHost, 0)).toMatchObject({ host: 'mail.internal', tls: { ca } });
    expect(mailTransportOptions(loadAppConfig({ SMTP_HOST: 'h' }), 0)).not.toHaveProperty('tls');
    fixtures.remove();
  });

  describe('the socket every SMTP connection starts on', () => {
    const getSocket = (env: Record<string, string>) =>
      (mailTransportOptions(loadAppConfig(env), 0) as SMTPPool.Options).getSocket!;
    const open = (env: Record<string, string>, options: Partial<SMTPPool.Options>) =>
      new Promise<{ err: Error | null; socket?: Socket }>((resolve) =>
        getSocket(env)(options as SMTPPool.Options, (err, opts) =>
          resolve({ err, socket: opts?.connection as Socket | undefined }),
        ),
      );

    it('hands nodemailer a connected socket, for a URL and a host alike', async () => {
      const server = createServer((s) => s.end());
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address() as AddressInfo;
      try {
        const envs: Array<Record<string, string>> = [
          { SMTP_URL: `smtp://127.0.0.1:${port}` },
          { SMTP_HOST: '127.0.0.1' },
        ];
        for (const env of envs) {
          const { err, socket } = await open(env, { host: '127.0.0.1', port });
          expect(err).toBeNull();
          expect(socket?.remotePort).toBe(port);
          socket?.destroy();
        }
      } finally {
        server.close();
      }
    });

    it('fails the connect when nothing answers', async () => {
      const refused = await open({ SMTP_HOST: '127.0.0.1' }, { host: '127.0.0.1', port: 1 });
      expect(refused.err?.message).toMatch(/ECONNREFUSED/);
      expect(refused.socket).toBeUndefined();
    });
  });
});
