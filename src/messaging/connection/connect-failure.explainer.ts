import { withoutPassword } from '../../common/config/without-password';

/** What Node's TLS and socket errors carry besides the message. */
type SocketError = Error & {
  code?: string;
  reason?: string;
  cert?: { subjectaltname?: string; subject?: { CN?: string } };
};

/** Chain errors: the broker's certificate does not lead to a CA we trust. */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG']);

export interface ConnectFailure {
  /** The cause as the TLS stack or the socket states it. */
  reason: string;
  /** Which setting to change, when the cause says. */
  fix?: string;
}

/** Maps a failed connect to its cause and, for the TLS causes, the setting that fixes it. */
export function explainConnectFailure(error: unknown): ConnectFailure {
  // Duck-typed, not instanceof: Node's socket errors may come from another realm (jest's VM).
  const err = (
    typeof (error as SocketError)?.message === 'string' ? error : new Error(String(error))
  ) as SocketError;
  const code = err.code ?? '';
  if (UNTRUSTED.has(code))
    return {
      reason: `TLS: ${err.message}`,
      fix: "set AMQP_TLS_CA_FILE to the CA that signed the broker's certificate",
    };
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = err.cert?.subjectaltname ?? err.cert?.subject?.CN;
    // Node ends the message with the (here empty) list of names of the kind it looked for.
    const message = err.message.replace(/[:\s]+$/, '');
    return {
      reason: `TLS: ${message}${names ? `; the certificate is for ${names}` : ''}`,
      fix: 'use a host the certificate names in AMQP_URL, or set AMQP_TLS_SERVERNAME to one',
    };
  }
  if (EXPIRED.has(code))
    return { reason: `TLS: ${err.message}`, fix: "renew the broker's certificate" };
  if (NOT_TLS.has(code))
    return {
      reason: `TLS: ${err.reason ?? err.message}`,
      fix: "that port does not speak TLS: use the broker's TLS port (usually 5671) in AMQP_URL",
    };
  if (/^ERR_SSL_.*ALERT/.test(code))
    return {
      reason: `TLS: the broker refused the handshake (${err.reason ?? err.message})`,
      fix: 'if it requires a client certificate, set AMQP_TLS_CERT_FILE and AMQP_TLS_KEY_FILE to one its CA signed',
    };
  if (/ACCESS_REFUSED - Login was refused/.test(err.message))
    return { reason: err.message, fix: 'check the user name and password in AMQP_URL' };
  // The broker refuses a vhost by closing the connection; amqplib's message does not say why.
  if (/NOT_ALLOWED|Expected ConnectionOpenOk; got <ConnectionClose/.test(err.message))
    return {
      reason: err.message,
      fix: 'check that the vhost in AMQP_URL exists and the user has permissions on it',
    };
  return { reason: code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message };
}

/** The one line an operator sees: where, why, and what to change. */
export function connectFailureLine(url: string, failure: ConnectFailure): string {
  const fix = failure.fix ? `. Fix: ${failure.fix}` : '';
  return `Cannot connect to RabbitMQ at ${withoutPassword(url)}: ${failure.reason}${fix}`;
}
