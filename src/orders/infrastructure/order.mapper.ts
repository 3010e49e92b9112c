import { Order } from '../domain/order.entity';
import { OrderDoc } from './order.schema';

export const OrderMapper = {
  toDoc(order: Order): OrderDoc {
    const { id, ...rest } = order.snapshot();
    return { _id: id, ...rest };
  },
  toDomain(doc: OrderDoc): Order {
    const { _id, ...rest } = doc;
    return Order.restore({ id: _id, ...rest, idempotencyKey: rest.idempotencyKey ?? undefined });
  },
};
