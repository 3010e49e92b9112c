import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { CapturedMail } from './captured-mail';

const KEEP = 500;

/** A real SMTP server on localhost that keeps what it receives: Ethereal without the internet. */
export class SmtpCatcher {
  private readonly logger = new Logger(SmtpCatcher.name);
  private readonly mails: CapturedMail[] = [];
  private server?: SMTPServer;
  private boundPort = 0;

  get port(): number {
    return this.boundPort;
  }

  get enabled(): boolean {
    return this.server !== undefined;
  }

  async start(port: number): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          void simpleParser(raw)
            .then((parsed) => {
              this.keep({
                id: randomUUID(),
                receivedAt: new Date(),
                envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                from: parsed.from?.text ?? '',
                to: Array.isArray(parsed.to)
                  ? parsed.to.map((t) => t.text).join(', ')
                  : (parsed.to?.text ?? ''),
                subject: parsed.subject ?? '',
                messageId: parsed.messageId,
                text: parsed.text,
                html: typeof parsed.html === 'string' ? parsed.html : undefined,
                raw: raw.toString('utf8'),
              });
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.boundPort = (this.server.server.address() as AddressInfo).port;
    this.logger.log(
      `Embedded SMTP catcher on 127.0.0.1:${this.boundPort}; read mail at GET /dev/mailbox`,
    );
  }

  list(): CapturedMail[] {
    return [...this.mails].reverse();
  }

  get(id: string): CapturedMail | undefined {
    return this.mails.find((m) => m.id === id);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private keep(mail: CapturedMail): void {
    this.mails.push(mail);
    if (this.mails.length > KEEP) this.mails.shift();
  }
}
