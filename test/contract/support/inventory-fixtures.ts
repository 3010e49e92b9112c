import { InventoryEvents } from '../../../src/inventory/application/inventory-events';
import { ReserveOutcome } from '../../../src/inventory/application/inventory.repository';
import { Product } from '../../../src/inventory/domain/product';
import { Reservation } from '../../../src/inventory/domain/reservation';
import { EventSource } from './event-source';

export function product(sku: string, available: number, reserved = 0): Product {
  return { sku, name: `Product ${sku}`, price: 1250, currency: 'EUR', available, reserved };
}

/** The events a reserve() would announce, one set per kind of outcome. */
export function reserveEvents(orderId: string): EventSource<ReserveOutcome> {
  return new EventSource<ReserveOutcome>(
    (o) => {
      if (o.kind === 'reserved') return [InventoryEvents.reserved(orderId, o.items)];
      if (o.kind === 'rejected') return [InventoryEvents.rejected(orderId, o.shortages)];
      return [];
    },
    (o) => o.kind,
  );
}

export function releaseEvents(): EventSource<Reservation> {
  return new EventSource<Reservation>((r) => [
    InventoryEvents.released(r.orderId, r.items, 'cancelled'),
  ]);
}

export function productEvents(): EventSource<Product> {
  return new EventSource<Product>((p) => [InventoryEvents.productUpdated(p)]);
}

export function seedEvents(): EventSource<Product[]> {
  return new EventSource<Product[]>((inserted) =>
    inserted.map((p) => InventoryEvents.productUpdated(p)),
  );
}

export const bySku = (a: { sku: string }, b: { sku: string }): number => a.sku.localeCompare(b.sku);
