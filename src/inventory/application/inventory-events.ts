import {
  InventoryRejected,
  InventoryReleased,
  InventoryReserved,
  ProductUpdated,
} from '../../messaging/contracts';
import { MessageEnvelope } from '../../messaging/envelope/message-envelope';
import { newEnvelope } from '../../messaging/envelope/new-envelope';
import { Product, Shortage, StockLine } from '../domain/product';
import { describeShortages } from '../domain/stock-reservation';

export const InventoryEvents = {
  productUpdated(p: Product): MessageEnvelope<object> {
    return newEnvelope(ProductUpdated, {
      sku: p.sku,
      name: p.name,
      price: p.price,
      currency: p.currency,
      available: p.available,
    });
  },
  reserved(orderId: string, items: StockLine[]): MessageEnvelope<object> {
    return newEnvelope(InventoryReserved, { orderId, items });
  },
  rejected(orderId: string, shortages: Shortage[]): MessageEnvelope<object> {
    return newEnvelope(InventoryRejected, {
      orderId,
      reason: describeShortages(shortages),
      shortages,
    });
  },
  released(orderId: string, items: StockLine[], reason: string): MessageEnvelope<object> {
    return newEnvelope(InventoryReleased, { orderId, items, reason });
  },
};
