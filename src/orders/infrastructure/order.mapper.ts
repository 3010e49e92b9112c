import { Order } from '../domain/order.entity';
import { OrderDoc } from './order.schema';

export const OrderMapper = {
  toDoc(order: Order): OrderDoc {
    const { id, ...rest } = order.snapshot();
    return { _id: id, ...rest };
  },

  toDomain(doc: OrderDoc): Order {
    const { _id, invoiceNumber, ...rest } = doc;
    // Mongo keeps a missing field as absent or null depending on who wrote it: both mean unset.
    return Order.restore({ id: _id, ...rest, invoiceNumber: invoiceNumber ?? undefined });
  },
};
