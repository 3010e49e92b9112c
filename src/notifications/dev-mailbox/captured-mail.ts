export interface CapturedMail {
  id: string;
  receivedAt: Date;
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  messageId?: string;
  text?: string;
  html?: string;
  raw: string;
}
