export interface OutgoingMail {
  /** Stable per (order, outcome): a resend after a crash is the same email to mail clients. */
  messageId: string;
  to: string;
  subject: string;
  /** Name of the template both parts were rendered from (for traces). */
  template: string;
  html: string;
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
