export interface BillingLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

export interface Invoice {
  number: string;
  orderId: string;
  customerEmail: string;
  amount: number;
  currency: string;
  lines: BillingLine[];
  issuedAt: Date;
}

/** What order.placed tells billing: enough to charge and invoice. */
export interface PaymentIntent {
  customerEmail: string;
  amount: number;
  currency: string;
  lines: BillingLine[];
  paymentToken: string;
}

/** PENDING until one charge decides SUCCEEDED or FAILED. */
export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/**
 * Billing charges once it knows two facts that arrive on separate queues, in either order:
 * the order (intent, from order.placed) and its reserved stock (from inventory.reserved).
 */
export interface Payment {
  orderId: string;
  status: PaymentStatus;
  intent?: PaymentIntent;
  stockReserved: boolean;
  paymentId?: string;
  invoice?: Invoice;
  failure?: { code: string; reason: string };
  createdAt: Date;
  updatedAt: Date;
}

export function readyToCharge(p: Payment): p is Payment & { intent: PaymentIntent } {
  return p.status === 'PENDING' && p.stockReserved && p.intent !== undefined;
}

export function invoiceNumberFor(orderId: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `INV-${day}-${orderId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}
