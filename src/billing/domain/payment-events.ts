import { Invoice } from './invoice';

/** What a payment records when it is decided; past tense, plain data. */
export type PaymentEvent =
  | { type: 'PaymentSucceeded'; orderId: string; paymentId: string; invoice: Invoice }
  | { type: 'PaymentDeclined'; orderId: string; code: string; reason: string };
