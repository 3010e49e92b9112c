export interface OutgoingMail {
  /** Stable per (order, outcome): a resend after a crash is the same email to mail clients. */
  messageId: string;
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
