import { connectFailureLine, explainConnectFailure } from './connect-failure.explainer';

function tlsError(code: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

describe('explainConnectFailure', () => {
  it.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
  ])('points an untrusted chain (%s) at AMQP_TLS_CA_FILE', (code, message) => {
    expect(explainConnectFailure(tlsError(code, message))).toEqual({
      reason: `TLS: ${message}`,
      fix: "set AMQP_TLS_CA_FILE to the CA that signed the broker's certificate",
    });
  });

  it('points a host name mismatch at the URL host or AMQP_TLS_SERVERNAME, with the names', () => {
    const err = tlsError(
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ",
      { cert: { subjectaltname: 'DNS:localhost' } },
    );
    expect(explainConnectFailure(err)).toEqual({
      reason:
        "TLS: Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the " +
        "cert's list; the certificate is for DNS:localhost",
      fix: 'use a host the certificate names in AMQP_URL, or set AMQP_TLS_SERVERNAME to one',
    });
    const bare = tlsError('ERR_TLS_CERT_ALTNAME_INVALID', 'mismatch', { cert: {} });
    expect(explainConnectFailure(bare).reason).toBe('TLS: mismatch');
  });

  it('names an expired certificate', () => {
    expect(explainConnectFailure(tlsError('CERT_HAS_EXPIRED', 'certificate has expired'))).toEqual({
      reason: 'TLS: certificate has expired',
      fix: "renew the broker's certificate",
    });
  });

  it('tells a TLS client talking to a plain port', () => {
    const err = tlsError('ERR_SSL_WRONG_VERSION_NUMBER', 'error:0A00010B:SSL routines::wrong', {
      reason: 'wrong version number',
    });
    expect(explainConnectFailure(err)).toEqual({
      reason: 'TLS: wrong version number',
      fix: "that port does not speak TLS: use the broker's TLS port (usually 5671) in AMQP_URL",
    });
  });

  it('points a handshake the broker refused at the client certificate', () => {
    const err = tlsError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'long openssl text', {
      reason: 'sslv3 alert handshake failure',
    });
    expect(explainConnectFailure(err)).toEqual({
      reason: 'TLS: the broker refused the handshake (sslv3 alert handshake failure)',
      fix: 'if it requires a client certificate, set AMQP_TLS_CERT_FILE and AMQP_TLS_KEY_FILE to one its CA signed',
    });
    const bare = tlsError('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'certificate required');
    expect(explainConnectFailure(bare).reason).toBe(
      'TLS: the broker refused the handshake (certificate required)',
    );
  });

  it('points a refused login or vhost at AMQP_URL', () => {
    const login = new Error(
      'Handshake terminated by server: 403 (ACCESS-REFUSED) with message "ACCESS_REFUSED - ' +
        'Login was refused using authentication mechanism PLAIN. For details see the broker logfile."',
    );
    expect(explainConnectFailure(login)).toEqual({
      reason: login.message,
      fix: 'check the user name and password in AMQP_URL',
    });
    // What amqplib 0.10 says when the broker closes the connection over the vhost.
    const vhost = new Error('Expected ConnectionOpenOk; got <ConnectionClose channel:0>');
    expect(explainConnectFailure(vhost).fix).toBe(
      'check that the vhost in AMQP_URL exists and the user has permissions on it',
    );
  });

  it('passes other causes through, with their code once', () => {
    expect(
      explainConnectFailure(tlsError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5671')),
    ).toEqual({ reason: 'connect ECONNREFUSED 127.0.0.1:5671' });
    expect(explainConnectFailure(tlsError('ECONNRESET', 'socket hang up'))).toEqual({
      reason: 'ECONNRESET: socket hang up',
    });
    expect(explainConnectFailure('odd')).toEqual({ reason: 'odd' });
  });

  it('reads an error of another realm (not instanceof this Error) by its fields', () => {
    const foreign = { message: 'self-signed certificate', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' };
    expect(explainConnectFailure(foreign).fix).toContain('AMQP_TLS_CA_FILE');
  });
});

describe('connectFailureLine', () => {
  it('says where without the password, why, and what to change', () => {
    expect(
      connectFailureLine('amqps://app:s3cret@rabbit:5671', { reason: 'TLS: x', fix: 'do y' }),
    ).toBe('Cannot connect to RabbitMQ at amqps://app:***@rabbit:5671: TLS: x. Fix: do y');
    expect(connectFailureLine('amqp://rabbit', { reason: 'refused' })).toBe(
      'Cannot connect to RabbitMQ at amqp://rabbit: refused',
    );
  });
});
