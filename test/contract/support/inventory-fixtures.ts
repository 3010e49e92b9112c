import type { Connection } from 'mongoose';
import { inventoryEvents } from '../../../src/inventory/application/inventory-events';
import { NewProduct } from '../../../src/inventory/domain/product.entity';
import { InMemoryProductRepository } from '../../../src/inventory/infrastructure/in-memory-product.repository';
import { InMemoryReservationRepository } from '../../../src/inventory/infrastructure/in-memory-reservation.repository';
import { MongoProductRepository } from '../../../src/inventory/infrastructure/mongo-product.repository';
import { MongoReservationRepository } from '../../../src/inventory/infrastructure/mongo-reservation.repository';
import { ProductRepository } from '../../../src/inventory/application/product.repository';
import { ReservationRepository } from '../../../src/inventory/application/reservation.repository';
import { OutboxStore } from '../../../src/messaging/outbox/outbox.store';
import { UnitOfWork } from '../../../src/messaging/unit-of-work/unit-of-work';
import { AdapterFactories } from './adapter-harness';
import { inMemoryUnitOfWork, mongoUnitOfWork } from './unit-of-work-harness';

/** Inventory's two repositories over one store, with the unit of work the module would give them. */
export interface InventoryStores {
  uow: UnitOfWork;
  outbox: OutboxStore;
  products: ProductRepository;
  reservations: ReservationRepository;
}

export const inventoryStores: AdapterFactories<InventoryStores> = {
  memory: () => ({
    adapter: {
      ...inMemoryUnitOfWork(inventoryEvents),
      products: new InMemoryProductRepository(),
      reservations: new InMemoryReservationRepository(),
    },
  }),
  mongo: (connection: Connection) => ({
    adapter: {
      ...mongoUnitOfWork(connection, inventoryEvents),
      products: new MongoProductRepository(connection),
      reservations: new MongoReservationRepository(connection),
    },
  }),
};

export function newProduct(sku: string, stock: number): NewProduct {
  return { sku, name: `Product ${sku}`, price: 1250, currency: 'EUR', stock };
}

/** What the outbox holds since the last call, as type and payload, oldest first. */
export async function published(
  outbox: OutboxStore,
): Promise<{ type: string; payload: unknown }[]> {
  const claimed = await outbox.claim(1_000);
  await outbox.markSent(claimed);
  return claimed.map((m) => {
    const { type, payload } = JSON.parse(m.body) as { type: string; payload: unknown };
    return { type, payload };
  });
}
