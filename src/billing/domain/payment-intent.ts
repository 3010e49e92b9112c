import { BillingLine } from './invoice';

/**
 * What the charge command tells billing that it keeps: enough to invoice and to refund. The
 * payment token is not part of it: it serves the one gateway call and is never stored.
 */
export interface PaymentIntent {
  customerEmail: string;
  amount: number;
  currency: string;
  lines: BillingLine[];
}
