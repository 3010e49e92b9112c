import { Transaction } from '../../messaging';
import { Order } from '../domain/order.entity';
import { OrderStatus } from '../domain/order-status';

export interface OrderListQuery {
  status?: OrderStatus;
  offset: number;
  limit: number;
}

/** Persistence port: loads and saves, nothing more. Newest first, ties broken by id. */
export abstract class OrderRepository {
  /**
   * Inserts a new order or updates one over the version it was loaded at; either way a row
   * that is not what the order expects is a ConcurrentModificationError at commit.
   */
  abstract save(order: Order, tx: Transaction): Promise<void>;
  abstract findById(id: string): Promise<Order | undefined>;
  abstract list(query: OrderListQuery): Promise<{ items: Order[]; total: number }>;
  /** Up to `limit` orders whose payment is due by `now`, earliest due first, ties by id. */
  abstract findDue(now: Date, limit: number): Promise<Order[]>;
}
