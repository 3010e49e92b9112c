/** One line of what was bought, as billed: the price is the one the order was placed at. */
export interface BillingLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

/** PAID when issued; REFUNDED once the whole charge was given back (a credit on the invoice). */
export type InvoiceStatus = 'PAID' | 'REFUNDED';

/** The credit a refund puts on the invoice: always the whole amount, there are no partial refunds. */
export interface InvoiceRefund {
  amount: number;
  refundedAt: Date;
  reason: string;
}

/** Issued once, when a payment succeeds; afterwards only a refund changes it. */
export interface Invoice {
  number: string;
  orderId: string;
  customerEmail: string;
  amount: number;
  currency: string;
  lines: BillingLine[];
  issuedAt: Date;
  status: InvoiceStatus;
  refund?: InvoiceRefund;
}

/**
 * INV-<UTC day>-<first 12 hex digits of the order id, upper case>: readable on a phone call,
 * and unique because an order is invoiced at most once.
 */
export function invoiceNumberFor(orderId: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `INV-${day}-${orderId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}
