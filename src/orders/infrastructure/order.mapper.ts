import { Order } from '../domain/order.entity';
import { OrderDoc } from './order.schema';

export const OrderMapper = {
  toDoc(order: Order): OrderDoc {
    const { id, paymentDueAt, paymentToken, invoiceNumber, ...rest } = order.snapshot();
    return {
      _id: id,
      ...rest,
      paymentDueAt: paymentDueAt ?? null,
      paymentToken: paymentToken ?? null,
      invoiceNumber: invoiceNumber ?? null,
    };
  },

  toDomain(doc: OrderDoc): Order {
    const { _id, paymentDueAt, paymentToken, invoiceNumber, ...rest } = doc;
    // Mongo keeps a missing field as absent or null depending on who wrote it: both mean unset.
    return Order.restore({
      id: _id,
      ...rest,
      ...(paymentDueAt ? { paymentDueAt } : {}),
      ...(paymentToken ? { paymentToken } : {}),
      ...(invoiceNumber ? { invoiceNumber } : {}),
    });
  },
};
