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

/** AWAITING_STOCK until inventory reserves; then one charge decides SUCCEEDED or FAILED. */
export type PaymentStatus = 'AWAITING_STOCK' | 'SUCCEEDED' | 'FAILED';

export interface Payment {
  orderId: string;
  customerEmail: string;
  amount: number;
  currency: string;
  lines: BillingLine[];
  paymentToken: string;
  status: PaymentStatus;
  paymentId?: string;
  invoice?: Invoice;
  failure?: { code: string; reason: string };
  createdAt: Date;
  updatedAt: Date;
}

export function invoiceNumberFor(orderId: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `INV-${day}-${orderId.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}
