import {
  OrderCancelled,
  OrderConfirmed,
  OrderRejected,
  ShortageContract,
} from '../../messaging/contracts';
import { MessageEnvelope } from '../../messaging/envelope/message-envelope';
import { newEnvelope } from '../../messaging/envelope/new-envelope';
import { Order } from '../domain/order.entity';

/** Maps the order aggregate to the integration events it announces. */
export const OrderEvents = {
  confirmed(order: Order): MessageEnvelope<object> {
    const s = order.snapshot();
    return newEnvelope(OrderConfirmed, {
      orderId: s.id,
      customerEmail: s.customerEmail,
      items: s.items,
      total: order.total,
      currency: s.currency,
      invoiceNumber: s.invoiceNumber ?? '',
    });
  },

  rejected(order: Order, reason: string, shortages: ShortageContract[]): MessageEnvelope<object> {
    const s = order.snapshot();
    return newEnvelope(OrderRejected, {
      orderId: s.id,
      customerEmail: s.customerEmail,
      reason,
      shortages,
    });
  },

  cancelled(order: Order, reason: string): MessageEnvelope<object> {
    const s = order.snapshot();
    return newEnvelope(OrderCancelled, {
      orderId: s.id,
      customerEmail: s.customerEmail,
      reason,
      items: s.items,
      total: order.total,
      currency: s.currency,
    });
  },
};
