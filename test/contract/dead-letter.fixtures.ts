import { randomUUID } from 'node:crypto';
import { DeadLetterRecord } from '../../src/messaging/dead-letters/dead-letter.record';
import { DeadLetterStore } from '../../src/messaging/dead-letters/dead-letter.store';
import { InMemoryDeadLetterStore } from '../../src/messaging/dead-letters/in-memory-dead-letter.store';
import { MongoDeadLetterStore } from '../../src/messaging/dead-letters/mongo-dead-letter.store';
import { AdapterFactories } from './support/adapter-harness';

/** Shared by the DeadLetterStore contract suites. */
export const deadLetterStores: AdapterFactories<DeadLetterStore> = {
  memory: () => ({ adapter: new InMemoryDeadLetterStore() }),
  mongo: (connection) => ({ adapter: new MongoDeadLetterStore(connection) }),
};

export const minute = (m: number): Date => new Date(Date.UTC(2026, 2, 1, 10, m));

export function record(changes: Partial<DeadLetterRecord> = {}): DeadLetterRecord {
  return {
    id: randomUUID(),
    messageId: randomUUID(),
    type: 'inventory.reserved',
    queue: 'billing.inventory-reserved',
    consumer: 'BillingEventsController',
    host: 'worker-1',
    originalExchange: 'orderflow.events',
    originalRoutingKey: 'inventory.reserved',
    errorType: 'PaymentIntentMissingError',
    errorMessage: 'No payment intent',
    errorStack: 'Error: No payment intent\n    at charge',
    permanent: true,
    attempts: 3,
    firstFailedAt: minute(0),
    lastFailedAt: minute(1),
    deadLetteredAt: minute(1),
    bodyBase64: Buffer.from('{"poison":true}').toString('base64'),
    contentType: 'application/json',
    correlationId: randomUUID(),
    headers: { 'x-tenant': 'acme' },
    status: 'PARKED',
    replayCount: 0,
    ...changes,
  };
}

export const ids = (page: { items: DeadLetterRecord[] }): string[] => page.items.map((r) => r.id);
