import { OrderCancelled, OrderConfirmed, OrderLineContract, OrderRejected } from '../../messaging';
import { NotificationKind } from '../domain/notification';
import { money, orderNumber, plainReason } from './email-wording';

export interface EmailContent {
  kind: NotificationKind;
  orderId: string;
  to: string;
  subject: string;
  template: string;
  context: Record<string, unknown>;
}

/** Who the emails come from, as the customer sees it (SHOP_NAME, SUPPORT_EMAIL). */
export interface ShopIdentity {
  name: string;
  supportEmail: string;
}

const lines = (items: OrderLineContract[], currency: string) =>
  items.map((i) => ({
    sku: i.sku,
    name: i.name,
    quantity: i.quantity,
    unitPrice: money(i.unitPrice, currency),
    lineTotal: money(i.unitPrice * i.quantity, currency),
  }));

/** What every email shows: the shop, the order's short number and its full id for support. */
const common = (shop: ShopIdentity, orderId: string, title: string, preheader: string) => ({
  shop,
  orderId,
  orderNumber: orderNumber(orderId),
  title,
  preheader,
});

/** What each order outcome says to the customer. Templates escape every value they print. */
export const EmailContents = {
  confirmed(e: OrderConfirmed, shop: ShopIdentity): EmailContent {
    const number = orderNumber(e.orderId);
    const total = money(e.total, e.currency);
    return {
      kind: 'order-confirmed',
      orderId: e.orderId,
      to: e.customerEmail,
      subject: `Your ${shop.name} order ${number} is confirmed`,
      template: 'order-confirmed',
      context: {
        ...common(shop, e.orderId, 'Thank you for your order', `Paid ${total}, on its way soon.`),
        items: lines(e.items, e.currency),
        total,
        invoiceNumber: e.invoiceNumber,
      },
    };
  },
  rejected(e: OrderRejected, shop: ShopIdentity): EmailContent {
    const number = orderNumber(e.orderId);
    const names = new Map((e.items ?? []).map((i) => [i.sku, i.name]));
    return {
      kind: 'order-rejected',
      orderId: e.orderId,
      to: e.customerEmail,
      subject: `We could not fulfil your ${shop.name} order ${number}`,
      template: 'order-rejected',
      context: {
        ...common(shop, e.orderId, 'We could not fulfil your order', 'You have not been charged.'),
        reason: plainReason(e.reason),
        shortages: e.shortages.map((s) => ({
          // Messages from before lines were sent along name the SKU alone.
          product: names.has(s.sku) ? `${names.get(s.sku)} (${s.sku})` : s.sku,
          requested: s.requested,
          available: s.available,
        })),
      },
    };
  },
  cancelled(e: OrderCancelled, shop: ShopIdentity): EmailContent {
    const number = orderNumber(e.orderId);
    return {
      kind: 'order-cancelled',
      orderId: e.orderId,
      to: e.customerEmail,
      subject: `Your ${shop.name} order ${number} was cancelled`,
      template: 'order-cancelled',
      context: {
        ...common(shop, e.orderId, 'Your order was cancelled', 'Nothing has been charged.'),
        reason: plainReason(e.reason),
        items: lines(e.items, e.currency),
        total: money(e.total, e.currency),
      },
    };
  },
};
