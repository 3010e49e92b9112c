import { Shortage, StockLine } from './stock-line';

/** Every line of the order is now held for it. */
export interface StockReservedEvent {
  type: 'StockReserved';
  orderId: string;
  items: StockLine[];
}

/** Nothing was held: at least one line was short. */
export interface StockRejectedEvent {
  type: 'StockRejected';
  orderId: string;
  shortages: Shortage[];
  reason: string;
}

/** What was held went back on the shelf. */
export interface StockReleasedEvent {
  type: 'StockReleased';
  orderId: string;
  items: StockLine[];
  reason: string;
}

export type ReservationEvent = StockReservedEvent | StockRejectedEvent | StockReleasedEvent;
