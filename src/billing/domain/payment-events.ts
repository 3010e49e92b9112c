import { Invoice } from './invoice';

/** What a payment records when it is decided or refunded; past tense, plain data. */
export type PaymentEvent =
  | { type: 'PaymentSucceeded'; orderId: string; paymentId: string; invoice: Invoice }
  | { type: 'PaymentFailed'; orderId: string; code: string; reason: string }
  | {
      type: 'PaymentRefunded';
      orderId: string;
      paymentId: string;
      invoiceNumber: string;
      amount: number;
      currency: string;
      reason: string;
      refundedAt: Date;
    };
