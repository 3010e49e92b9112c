import { StockLine } from './product';

/**
 * One per order. CANCELLED is a tombstone: the order was cancelled before its stock was
 * reserved, so a late order.placed must not reserve anything.
 */
export type ReservationStatus = 'RESERVED' | 'REJECTED' | 'RELEASED' | 'COMMITTED' | 'CANCELLED';

export interface Reservation {
  orderId: string;
  items: StockLine[];
  status: ReservationStatus;
  updatedAt: Date;
}
