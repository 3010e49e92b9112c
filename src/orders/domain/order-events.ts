import { OrderLine } from './order-line';

/** What the order records as it moves; past tense, plain data. */
export interface Shortage {
  sku: string;
  requested: number;
  available: number;
}

/** What inventory holds for one line. */
export interface StockLine {
  sku: string;
  quantity: number;
}

/** The facts an event's consumers need about the order itself. */
export interface OrderFacts {
  orderId: string;
  customerEmail: string;
  items: OrderLine[];
  total: number;
  currency: string;
}

/**
 * The process's decisions: the first five ask one module to act (commands), the last three tell
 * the customer how the order ended (exactly one of them per order).
 */
export type OrderEvent =
  | { type: 'StockReservationRequested'; orderId: string; items: StockLine[] }
  /** The only event that carries the payment token: it goes to billing alone. */
  | { type: 'PaymentChargeRequested'; order: OrderFacts; paymentToken: string }
  | { type: 'StockCommitRequested'; orderId: string }
  | { type: 'StockReleaseRequested'; orderId: string; reason: string }
  | { type: 'PaymentRefundRequested'; orderId: string; reason: string }
  | { type: 'OrderConfirmed'; order: OrderFacts; invoiceNumber: string }
  | { type: 'OrderRejected'; order: OrderFacts; reason: string; shortages: Shortage[] }
  | { type: 'OrderCancelled'; order: OrderFacts; reason: string };
