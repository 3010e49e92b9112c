import { OrderCancelled, OrderConfirmed, OrderLineContract, OrderRejected } from '../../messaging';
import { NotificationKind } from '../domain/notification';

export interface EmailContent {
  kind: NotificationKind;
  orderId: string;
  to: string;
  subject: string;
  template: string;
  context: Record<string, unknown>;
}

const money = (cents: number, currency: string) => `${currency} ${(cents / 100).toFixed(2)}`;

const lines = (items: OrderLineContract[], currency: string) =>
  items.map((i) => ({
    sku: i.sku,
    name: i.name,
    quantity: i.quantity,
    unitPrice: money(i.unitPrice, currency),
    lineTotal: money(i.unitPrice * i.quantity, currency),
  }));

/** What each order outcome says to the customer. Templates escape every value they print. */
export const EmailContents = {
  confirmed(e: OrderConfirmed): EmailContent {
    return {
      kind: 'order-confirmed',
      orderId: e.orderId,
      to: e.customerEmail,
      subject: `Order ${e.orderId} confirmed`,
      template: 'order-confirmed',
      context: {
        orderId: e.orderId,
        items: lines(e.items, e.currency),
        total: money(e.total, e.currency),
        invoiceNumber: e.invoiceNumber,
      },
    };
  },
  rejected(e: OrderRejected): EmailContent {
    return {
      kind: 'order-rejected',
      orderId: e.orderId,
      to: e.customerEmail,
      subject: `Order ${e.orderId} could not be fulfilled`,
      template: 'order-rejected',
      context: { orderId: e.orderId, reason: e.reason, shortages: e.shortages },
    };
  },
  cancelled(e: OrderCancelled): EmailContent {
    return {
      kind: 'order-cancelled',
      orderId: e.orderId,
      to: e.customerEmail,
      subject: `Order ${e.orderId} cancelled`,
      template: 'order-cancelled',
      context: {
        orderId: e.orderId,
        reason: e.reason,
        items: lines(e.items, e.currency),
        total: money(e.total, e.currency),
      },
    };
  },
};
