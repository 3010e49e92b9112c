import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DeliveryNotes } from '../../messaging';
import { EmailInProgressError } from '../domain/email-in-progress.error';
import { MailDeliveryRejectedError } from '../domain/mail-delivery-rejected.error';
import { EmailContent } from './email-content';
import { EmailTemplates } from './email-templates';
import { MailSender } from './mail-sender';
import { NotificationRepository } from './notification.repository';

/** Longer than any SMTP send takes; a crashed sender's lease lapses and a retry takes over. */
const SEND_LEASE_MS = 60_000;

/**
 * Sends one email per (order, outcome). A permanent refusal marks it FAILED and ends there;
 * a transient one is recorded and rethrown so the message's retry policy takes over.
 */
@Injectable()
export class SendOrderEmailUseCase {
  private readonly logger = new Logger(SendOrderEmailUseCase.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly sender: MailSender,
    private readonly templates: EmailTemplates,
  ) {}

  async execute(content: EmailContent): Promise<void> {
    const { notification: n, acquired } = await this.notifications.claim(
      {
        id: randomUUID(),
        orderId: content.orderId,
        kind: content.kind,
        recipient: content.to,
        subject: content.subject,
        status: 'PENDING',
        attempts: [],
        createdAt: new Date(),
      },
      new Date(Date.now() + SEND_LEASE_MS),
    );
    if (n.status !== 'PENDING') {
      this.logger.log(
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        `${content.kind} email for order ${content.orderId} already ${n.status}; not sending again`,
      );
      return;
    }
    if (!acquired) throw new EmailInProgressError(content.orderId, content.kind);
    try {
      const sent = await this.sender.send({
        messageId: `<${content.kind}.${content.orderId}@orderflow>`,
        to: content.to,
        subject: content.subject,
        template: content.template,
        ...this.templates.render(content.template, content.context),
      });
      await this.notifications.recordAttempt(
        n.id,
        { at: new Date(), outcome: 'sent', response: sent.response, messageId: sent.messageId },
        'SENT',
      );
      // The order's timeline shows which email its event sent, and to whom.
      DeliveryNotes.email({ to: content.to, subject: content.subject });
      this.logger.log(
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        `Sent ${content.kind} email for order ${content.orderId} (${sent.messageId})`,
      );
    } catch (error) {
      const permanent = error instanceof MailDeliveryRejectedError;
      const attempt = {
        at: new Date(),
        outcome: permanent ? 'permanent-failure' : 'transient-failure',
        response: (error as Error).message,
      } as const;
      await this.notifications.recordAttempt(n.id, attempt, permanent ? 'FAILED' : 'PENDING');
      if (permanent) {
        this.logger.warn(
          // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
          `${content.kind} email for order ${content.orderId} refused for good: ${attempt.response}`,
        );
        return;
      }
      throw error;
    }
  }
}
