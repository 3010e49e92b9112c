import { BillingLine } from './invoice';

/** What order.placed tells billing: enough to charge and invoice. */
export interface PaymentIntent {
  customerEmail: string;
  amount: number;
  currency: string;
  lines: BillingLine[];
  paymentToken: string;
}
