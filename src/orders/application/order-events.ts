import {
  MessageEnvelope,
  newEnvelope,
  OrderCancelled,
  OrderConfirmed,
  OrderPlaced,
  OrderRejected,
} from '../../messaging';
import { OrderEvent, OrderFacts } from '../domain/order-events';

const withoutTotals = ({ orderId, customerEmail }: OrderFacts) => ({ orderId, customerEmail });

/** The orders module's one mapper: what each domain event announces to other modules. */
export function orderEvents(event: OrderEvent): MessageEnvelope<object>[] {
  switch (event.type) {
    case 'OrderPlaced':
      return [newEnvelope(OrderPlaced, { ...event.order, paymentToken: event.paymentToken })];
    case 'OrderConfirmed':
      return [newEnvelope(OrderConfirmed, { ...event.order, invoiceNumber: event.invoiceNumber })];
    case 'OrderRejected':
      return [
        newEnvelope(OrderRejected, {
          ...withoutTotals(event.order),
          reason: event.reason,
          shortages: event.shortages,
        }),
      ];
    case 'OrderCancelled':
      return [newEnvelope(OrderCancelled, { ...event.order, reason: event.reason })];
    // Steps inside the order's own process: nobody else listens for them.
    case 'OrderStockReserved':
    case 'OrderStockReleased':
      return [];
  }
}
