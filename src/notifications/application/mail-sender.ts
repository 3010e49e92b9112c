export interface OutgoingMail {
  to: string;
  subject: string;
  /** Name of the HTML template, rendered by the mailer's Handlebars adapter. */
  template: string;
  context: Record<string, unknown>;
  text: string;
}

export interface SentMail {
  messageId: string;
  response: string;
}

/** Port to the mail transport. Throws MailDeliveryTransientError or MailDeliveryRejectedError. */
export abstract class MailSender {
  abstract send(mail: OutgoingMail): Promise<SentMail>;
}
