import { MessageEnvelope } from '../../messaging/envelope/message-envelope';
import { Order } from '../domain/order.entity';
import { OrderStatus } from '../domain/order-status';

export type OutgoingEvents = MessageEnvelope<object>[];

export interface OrderListQuery {
  status?: OrderStatus;
  offset: number;
  limit: number;
}

/** Persistence port. Each write stores the order and the events it caused in one atomic step. */
export abstract class OrderRepository {
  abstract create(order: Order, events: OutgoingEvents): Promise<void>;
  /** Saves only if the stored version is still `expectedVersion`; else ConcurrentModificationError. */
  abstract update(order: Order, expectedVersion: number, events: OutgoingEvents): Promise<void>;
  abstract findById(id: string): Promise<Order | undefined>;
  abstract findByIdempotencyKey(key: string): Promise<Order | undefined>;
  abstract list(query: OrderListQuery): Promise<{ items: Order[]; total: number }>;
}
