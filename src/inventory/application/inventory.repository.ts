import { MessageEnvelope } from '../../messaging/envelope/message-envelope';
import { Product, Shortage, StockLine } from '../domain/product';
import { Reservation } from '../domain/reservation';

export type OutgoingEvents = MessageEnvelope<object>[];

export type ReserveOutcome =
  | { kind: 'reserved'; items: StockLine[] }
  | { kind: 'rejected'; shortages: Shortage[] }
  /** The order already has a reservation record (a redelivery, or cancelled first). */
  | { kind: 'already-decided'; reservation: Reservation };

export interface ProductChanges {
  name?: string;
  price?: number;
  stock?: number;
}

/**
 * Persistence port. Stock moves are atomic and conditional (never read-then-write), and each
 * write stores its outgoing events in the same atomic step.
 */
export abstract class InventoryRepository {
  abstract listProducts(): Promise<Product[]>;
  abstract getProducts(skus: string[]): Promise<Product[]>;
  /** Inserts the products that do not exist yet; returns those inserted. */
  abstract seed(
    products: Product[],
    events: (inserted: Product[]) => OutgoingEvents,
  ): Promise<Product[]>;
  /** Creates the product when it does not exist and `create` is given. */
  abstract saveProduct(
    sku: string,
    changes: ProductChanges,
    create: Product | undefined,
    events: (p: Product) => OutgoingEvents,
  ): Promise<Product | undefined>;
  /** All lines or none. */
  abstract reserve(
    orderId: string,
    lines: StockLine[],
    events: (o: ReserveOutcome) => OutgoingEvents,
  ): Promise<ReserveOutcome>;
  /**
   * RESERVED → RELEASED, giving the stock back. With `tombstone`, an order that has no
   * reservation yet gets a CANCELLED one so it is never reserved later. Returns what was released.
   */
  abstract release(
    orderId: string,
    tombstone: boolean,
    events: (r: Reservation) => OutgoingEvents,
  ): Promise<Reservation | undefined>;
  /** RESERVED → COMMITTED: the reserved units leave the warehouse. */
  abstract commit(orderId: string): Promise<boolean>;
  abstract findReservation(orderId: string): Promise<Reservation | undefined>;
}
