import {
  CatalogLookupRequest,
  ChargePayment,
  CommitStock,
  MessageEnvelope,
  newCommand,
  newEnvelope,
  OrderCancelled,
  OrderConfirmed,
  OrderRejected,
  Publications,
  RefundPayment,
  ReleaseStock,
  ReserveStock,
} from '../../messaging';
import { OrderEvent } from '../domain/order-events';

/** Everything orderEvents can produce, and the catalog lookups orders asks inventory for. */
export const orderPublications: Publications = {
  events: [OrderConfirmed, OrderRejected, OrderCancelled],
  commands: [ReserveStock, ChargePayment, CommitStock, ReleaseStock, RefundPayment],
  requests: [CatalogLookupRequest],
};

/**
 * The orders module's one mapper: the process's decisions become commands to the one module
 * that must act (commands exchange) and the customer-facing end of the order (events).
 */
export function orderEvents(event: OrderEvent): MessageEnvelope<object>[] {
  switch (event.type) {
    case 'StockReservationRequested':
      return [newCommand(ReserveStock, { orderId: event.orderId, items: event.items })];
    case 'PaymentChargeRequested': {
      const { orderId, customerEmail, items, total, currency } = event.order;
      const paymentToken = event.paymentToken;
      const charge = { orderId, customerEmail, items, amount: total, currency, paymentToken };
      return [newCommand(ChargePayment, charge)];
    }
    case 'StockCommitRequested':
      return [newCommand(CommitStock, { orderId: event.orderId })];
    case 'StockReleaseRequested':
      return [newCommand(ReleaseStock, { orderId: event.orderId, reason: event.reason })];
    case 'PaymentRefundRequested':
      return [newCommand(RefundPayment, { orderId: event.orderId, reason: event.reason })];
    case 'OrderConfirmed':
      return [newEnvelope(OrderConfirmed, { ...event.order, invoiceNumber: event.invoiceNumber })];
    case 'OrderRejected': {
      const { orderId, customerEmail, items } = event.order;
      const { reason, shortages } = event;
      return [newEnvelope(OrderRejected, { orderId, customerEmail, reason, shortages, items })];
    }
    case 'OrderCancelled':
      return [newEnvelope(OrderCancelled, { ...event.order, reason: event.reason })];
  }
}
