import { connect } from 'node:net';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '../../common/config/app-config';

/**
 * Nodemailer writes the end of a message ("\r\n.\r\n") as a small segment after the body; with
 * Nagle on it waits for the server's delayed ACK (40 ms on Linux) before it leaves, on every
 * email. A socket with TCP_NODELAY sends it at once. Used for the plain-text local catcher;
 * real servers keep nodemailer's own socket, which also handles TLS.
 */
function noDelaySocket(host: string, port: number): SMTPPool.Options['getSocket'] {
  return (_options, callback) => {
    const socket = connect(port, host);
    socket.setNoDelay(true);
    socket.once('error', (err) => callback(err, undefined as never));
    socket.once('connect', () => callback(null, { connection: socket }));
  };
}

/** Reused SMTP connections: a handshake per email would cost more than the email. */
const POOL = { pool: true, maxConnections: 20 } as const;

/**
 * Nodemailer options for what the config names, in this order: SMTP_URL, SMTP_HOST and parts,
 * Gmail OAuth2, else the embedded catcher on localhost.
 */
export function mailTransportOptions(c: AppConfig, catcherPort: number): SMTPPool.Options {
  if (c.smtpUrl) return { ...POOL, ...smtpTls(c), url: c.smtpUrl };
  if (c.smtpHost) {
    return {
      ...POOL,
      ...smtpTls(c),
      host: c.smtpHost,
      port: c.smtpPort,
      secure: c.smtpSecure,
      ...(c.smtpUser ? { auth: { user: c.smtpUser, pass: c.smtpPass } } : {}),
    };
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
    getSocket: noDelaySocket('127.0.0.1', catcherPort),
  };
}

/**
 * SMTP_TLS_CA_FILE: the CA a private mail server's certificate chains to, for smtps:// and for
 * STARTTLS alike. Certificate checks stay on (rejectUnauthorized), whatever the environment says.
 */
function smtpTls(c: AppConfig): Pick<SMTPPool.Options, 'tls'> {
  const ca = c.tlsFiles.smtpTlsCaFile;
  return ca ? { tls: { ca, rejectUnauthorized: true } } : {};
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
