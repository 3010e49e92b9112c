import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { OutboxStore } from '../../../src/messaging/outbox/outbox.store';
import { UnitOfWork } from '../../../src/messaging/unit-of-work/unit-of-work';
import { orderEvents } from '../../../src/orders/application/order-events';
import { OrderRepository } from '../../../src/orders/application/order.repository';
import { RequestLog } from '../../../src/orders/application/request-log';
import { Order } from '../../../src/orders/domain/order.entity';
import { InMemoryOrderRepository } from '../../../src/orders/infrastructure/in-memory-order.repository';
import { InMemoryRequestLog } from '../../../src/orders/infrastructure/in-memory-request-log';
import { MongoOrderRepository } from '../../../src/orders/infrastructure/mongo-order.repository';
import { MongoRequestLog } from '../../../src/orders/infrastructure/mongo-request-log';
import { AdapterFactories } from './adapter-harness';
import { inMemoryUnitOfWork, mongoUnitOfWork } from './unit-of-work-harness';

/** The orders module's stores over one database, with the unit of work the module would give them. */
export interface OrderStores {
  uow: UnitOfWork;
  outbox: OutboxStore;
  orders: OrderRepository;
  requests: RequestLog;
}

export const orderStores: AdapterFactories<OrderStores> = {
  memory: () => ({
    adapter: {
      ...inMemoryUnitOfWork(orderEvents),
      orders: new InMemoryOrderRepository(),
      requests: new InMemoryRequestLog(),
    },
  }),
  mongo: (connection: Connection) => ({
    adapter: {
      ...mongoUnitOfWork(connection, orderEvents),
      orders: new MongoOrderRepository(connection),
      requests: new MongoRequestLog(connection),
    },
  }),
};

export const T0 = new Date('2026-03-01T10:00:00.000Z');

/** T0 moved by whole seconds: orders made at the same `at` share their createdAt exactly. */
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

export function placeOrder(createdAt = T0, id = randomUUID()): Order {
  return Order.place(
    {
      id,
      customerEmail: 'ada@example.com',
      items: [
        { sku: 'SKU-MUG', name: 'Enamel mug', quantity: 2, unitPrice: 1250 },
        { sku: 'SKU-TEE', name: 'T-shirt', quantity: 1, unitPrice: 2400 },
      ],
      currency: 'EUR',
    },
    'tok_visa',
    createdAt,
  );
}

/**
 * What the outbox holds since the last call, as type and payload, sorted by type: one commit's
 * messages share a millisecond, and within one the stores may hand them out in any order.
 */
export async function published(
  outbox: OutboxStore,
): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  const claimed = await outbox.claim(1_000);
  await outbox.markSent(claimed);
  return claimed
    .map((m) => {
      const { type, payload } = JSON.parse(m.body) as {
        type: string;
        payload: Record<string, unknown>;
      };
      return { type, payload };
    })
    .sort((a, b) => a.type.localeCompare(b.type));
}

/** The steps every orders contract test takes, bound to the adapter under test. */
export function orderSteps(subject: () => OrderStores) {
  return {
    save: (...orders: Order[]): Promise<void> =>
      subject().uow.run(async (tx) => {
        for (const o of orders) await subject().orders.save(o, tx);
      }),
    load: async (id: string): Promise<Order> => {
      const found = await subject().orders.findById(id);
      if (!found) throw new Error(`Order ${id} is not stored`);
      return found;
    },
    types: async (): Promise<string[]> => (await published(subject().outbox)).map((m) => m.type),
  };
}
