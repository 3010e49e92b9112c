import { OrderLine } from './order-line';

/** What the order records as it moves; past tense, plain data. */
export interface Shortage {
  sku: string;
  requested: number;
  available: number;
}

/** The facts an event's consumers need about the order itself. */
export interface OrderFacts {
  orderId: string;
  customerEmail: string;
  items: OrderLine[];
  total: number;
  currency: string;
}

export type OrderEvent =
  /** The payment token is carried for billing only; the order never stores it. */
  | { type: 'OrderPlaced'; order: OrderFacts; paymentToken: string }
  | { type: 'OrderStockReserved'; orderId: string }
  | { type: 'OrderRejected'; order: OrderFacts; reason: string; shortages: Shortage[] }
  | { type: 'OrderConfirmed'; order: OrderFacts; invoiceNumber: string }
  | { type: 'OrderCancelled'; order: OrderFacts; reason: string }
  | { type: 'OrderStockReleased'; orderId: string; reason: string };
