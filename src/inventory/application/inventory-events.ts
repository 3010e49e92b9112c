import {
  EventMapper,
  InventoryRejected,
  InventoryReleased,
  InventoryReserved,
  MessageEnvelope,
  newEnvelope,
  ProductUpdated,
  Publications,
} from '../../messaging';
import { ProductEvent } from '../domain/product.events';
import { ReservationEvent } from '../domain/reservation.events';

export type InventoryEvent = ProductEvent | ReservationEvent;

/** Everything inventoryEvents can produce. */
export const inventoryPublications: Publications = {
  events: [ProductUpdated, InventoryReserved, InventoryRejected, InventoryReleased],
};

/**
 * Inventory's domain events as the contracts other modules consume. Every event its
 * aggregates record is announced; the reserved count never leaves the module.
 */
export const inventoryEvents: EventMapper = (e: InventoryEvent): MessageEnvelope<object>[] => {
  switch (e.type) {
    case 'ProductUpdated':
      return [
        newEnvelope(ProductUpdated, {
          sku: e.sku,
          name: e.name,
          price: e.price,
          currency: e.currency,
          available: e.available,
        }),
      ];
    case 'StockReserved':
      return [newEnvelope(InventoryReserved, { orderId: e.orderId, items: e.items })];
    case 'StockRejected':
      return [
        newEnvelope(InventoryRejected, {
          orderId: e.orderId,
          reason: e.reason,
          shortages: e.shortages,
        }),
      ];
    case 'StockReleased':
      return [
        newEnvelope(InventoryReleased, { orderId: e.orderId, items: e.items, reason: e.reason }),
      ];
  }
};
