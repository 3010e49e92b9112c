export type NotificationKind = 'order-confirmed' | 'order-rejected' | 'order-cancelled';
export type NotificationStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface DeliveryAttempt {
  at: Date;
  outcome: 'sent' | 'transient-failure' | 'permanent-failure';
  /** The SMTP server's answer, or the connection error. */
  response: string;
  messageId?: string;
}

/** One per (order, kind): the unique key that keeps a redelivered event from mailing twice. */
export interface Notification {
  id: string;
  orderId: string;
  kind: NotificationKind;
  recipient: string;
  subject: string;
  status: NotificationStatus;
  messageId?: string;
  attempts: DeliveryAttempt[];
  createdAt: Date;
  sentAt?: Date;
  /** While set and in the future, one worker is sending; others must not. */
  leaseUntil?: Date;
}
