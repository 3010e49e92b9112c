import { connect } from 'node:net';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { AppConfig } from '../../common/config/app-config';

/** nodemailer's own default is 2 minutes; a mail server that slow fails the send sooner. */
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * Nodemailer writes the end of a message ("\r\n.\r\n") as a small segment after the body; with
 * Nagle on it waits for the server's delayed ACK (40 ms on Linux) before it leaves, on every
 * email: measured, a pool of 20 connections then sends about 340 emails/s, and 1 200/s with
 * TCP_NODELAY. So every SMTP connection starts on a no-delay socket of ours; nodemailer still
 * does the rest, TLS included (it upgrades this socket for smtps:// and for STARTTLS alike).
 */
function noDelaySocket(): SMTPPool.Options['getSocket'] {
  return (options, callback) => {
    const host = options.host ?? 'localhost';
    const port = options.port ?? (options.secure ? 465 : 587);
    const socket = connect({ port, host, localAddress: options.localAddress });
    socket.setNoDelay(true);
    // As nodemailer's own connect does: a pooled connection idles between emails.
    socket.setKeepAlive(true);
    const fail = (err: Error) => {
      clearTimeout(timer);
      callback(err, undefined as never);
    };
    const timer = setTimeout(
      () => socket.destroy(new Error(`Connection timeout to ${host}:${port}`)),
      options.connectionTimeout ?? CONNECT_TIMEOUT_MS,
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      // From here on nodemailer listens for the socket's errors.
      socket.removeListener('error', fail);
      callback(null, { connection: socket });
    });
  };
}

/** Reused SMTP connections: a handshake per email would cost more than the email. */
const POOL = { pool: true, maxConnections: 20 } as const;

/**
 * Nodemailer options for what the config names, in this order: SMTP_URL, SMTP_HOST and parts,
 * Gmail OAuth2, else the embedded catcher on localhost.
 */
export function mailTransportOptions(
  c: AppConfig,
  catcherPort: number,
): SMTPPool.Options | SMTPTransport.Options {
  // Parsed here, not passed as `url`: next to a url, nodemailer's createTransport ignores every
  // other option, a CA included. Like nodemailer, this leaves SMTP_URL unpooled unless the URL
  // says `?pool=true`.
  if (c.smtpUrl) return withCa(c, { ...parseConnectionUrl(c.smtpUrl), getSocket: noDelaySocket() });
  if (c.smtpHost) {
    return withCa(c, {
      ...POOL,
      getSocket: noDelaySocket(),
      host: c.smtpHost,
      port: c.smtpPort,
      secure: c.smtpSecure,
      ...(c.smtpUser ? { auth: { user: c.smtpUser, pass: c.smtpPass } } : {}),
    });
  }
  if (c.gmailUser) {
    return {
      ...POOL,
      service: 'gmail',
      auth: {
        type: 'OAuth2',
        user: c.gmailUser,
        clientId: c.gmailClientId,
        clientSecret: c.gmailClientSecret,
        refreshToken: c.gmailRefreshToken,
      },
    };
  }
  return {
    ...POOL,
    host: '127.0.0.1',
    port: catcherPort,
    secure: false,
    ignoreTLS: true,
    getSocket: noDelaySocket(),
  };
}

/**
 * SMTP_TLS_CA_FILE: the CA a private mail server's certificate chains to, for smtps:// and for
 * STARTTLS alike; added to any TLS options the URL gives (e.g. ?tls.minVersion=TLSv1.2).
 */
function withCa<T extends SMTPTransport.Options>(c: AppConfig, options: T): T {
  const ca = c.tlsFiles.smtpTlsCaFile;
  return ca ? { ...options, tls: { ...options.tls, ca } } : options;
}

/** Where mail goes, fit for a log line: credentials never appear. */
export function describeMailTransport(c: AppConfig, catcherPort: number): string {
  if (c.smtpUrl) {
    const url = new URL(c.smtpUrl);
    return `${url.protocol}//${url.username ? `${decodeURIComponent(url.username)}:***@` : ''}${url.host}`;
  }
  if (c.smtpHost)
    return `${c.smtpSecure ? 'smtps' : 'smtp'}://${c.smtpUser ? `${c.smtpUser}:***@` : ''}${c.smtpHost}:${c.smtpPort}`;
  if (c.gmailUser) return `gmail (OAuth2) as ${c.gmailUser}`;
  return `embedded SMTP catcher on 127.0.0.1:${catcherPort}`;
}
