import { ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

/** Decides how the server answers RCPT TO; return an Error with responseCode to refuse. */
export type RcptPolicy = (address: string, session: SMTPServerSession) => Error | undefined;

/** A real SMTP server the tests run, to see exactly what the app sent. */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  rcptPolicy: RcptPolicy = () => undefined;
  private server?: SMTPServer;
  port = 0;

  /** With `tls`, the server speaks TLS from the first byte (smtps), with that key and certificate. */
  async start(port = 0, tls?: { key: Buffer; cert: Buffer }): Promise<this> {
    this.server = new SMTPServer({
      ...(tls ? { secure: true, key: tls.key, cert: tls.cert } : {}),
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, session, callback) =>
        callback(this.rcptPolicy(address.address, session) ?? undefined),
      onData: (stream, session, callback) => {
        void simpleParser(stream)
          .then((parsed) => {
            this.received.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              parsed,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    // A client that hangs up mid-handshake (a TLS refusal under test) is not the server's failure.
    this.server.on('error', () => undefined);
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The message id names the order (`<kind.orderId@orderflow>`); subjects carry a short number. */
  mailsFor(orderId: string): ReceivedMail[] {
    return this.received.filter((m) => (m.parsed.messageId ?? '').includes(orderId));
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

export function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}
