/**
 * Recorded when a product is created or a catalog-visible field (name, price, stock on hand)
 * changes. Reservations move stock without it: they announce themselves (reservation.events).
 */
export interface ProductUpdatedEvent {
  type: 'ProductUpdated';
  sku: string;
  name: string;
  price: number;
  currency: string;
  available: number;
}

export type ProductEvent = ProductUpdatedEvent;
