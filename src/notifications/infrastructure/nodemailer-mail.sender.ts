import { MailerService } from '@nestjs-modules/mailer';
import { Injectable } from '@nestjs/common';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { MailDeliveryRejectedError } from '../domain/mail-delivery-rejected.error';
import { MailDeliveryTransientError } from '../domain/mail-delivery-transient.error';
import { MailSender, OutgoingMail, SentMail } from '../application/mail-sender';

const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPROTOCOL',
]);

interface SmtpError {
  message: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

/** Sends through @nestjs-modules/mailer and sorts SMTP failures into retryable or not. */
@Injectable()
export class NodemailerMailSender extends MailSender {
  // A no-op unless the process registered a tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT); taken
  // per app, not per module load, so it belongs to the provider this app started with.
  private readonly tracer = trace.getTracer('orderflow.notifications');

  constructor(private readonly mailer: MailerService) {
    super();
  }

  /** In a span of its own: the last hop of an order's trace, under the message handling it. */
  send(mail: OutgoingMail): Promise<SentMail> {
    return this.tracer.startActiveSpan(
      'smtp send',
      { kind: SpanKind.CLIENT, attributes: { 'orderflow.mail.template': mail.template } },
      async (span) => {
        try {
          return await this.deliver(mail);
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  private async deliver(mail: OutgoingMail): Promise<SentMail> {
    try {
      const info = (await this.mailer.sendMail({
        to: mail.to,
        subject: mail.subject,
        messageId: mail.messageId,
        html: mail.html,
        text: mail.text,
      })) as { messageId: string; response: string };
      return { messageId: info.messageId, response: info.response };
    } catch (error) {
      throw classify(error as SmtpError);
    }
  }
}

export function classify(e: SmtpError): MailDeliveryTransientError | MailDeliveryRejectedError {
  const detail = e.response ?? e.message;
  if (e.responseCode && e.responseCode >= 500) return new MailDeliveryRejectedError(detail);
  if (e.responseCode && e.responseCode >= 400) return new MailDeliveryTransientError(detail);
  if (e.code && TRANSIENT_CODES.has(e.code))
    return new MailDeliveryTransientError(`${e.code}: ${e.message}`);
  // Nodemailer rejects malformed addresses before talking to the server.
  if (e.code === 'EENVELOPE') return new MailDeliveryRejectedError(e.message);
  return new MailDeliveryTransientError(e.message);
}
