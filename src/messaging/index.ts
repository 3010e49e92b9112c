/**
 * The front door: the only import path feature modules use into messaging (lint enforces it).
 * Everything else under src/messaging is internal and may change without notice.
 */
export * from './contracts';
export { BrokerConnection } from './connection/broker-connection';
export { EventContext } from './consumer/event-context';
export { OnCommand, OnEvent, OnRequest } from './consumer/on-event.decorator';
export type { MessageEnvelope } from './envelope/message-envelope';
export { newCommand, newEnvelope } from './envelope/new-envelope';
export type { FeaturePersistence, StoreAdapters } from './persistence/feature-persistence';
export type { Publications } from './persistence/publications';
export { featurePersistence, storeAdapters } from './persistence/feature-persistence';
export { RpcClient } from './rpc/rpc.client';
export type { EventMapper } from './unit-of-work/event-mapper';
export type { StagedWrite } from './unit-of-work/in-memory-transaction';
export { InMemoryTransaction } from './unit-of-work/in-memory-transaction';
export { MongoTransaction } from './unit-of-work/mongo-transaction';
export { Transaction } from './unit-of-work/transaction';
export { UnitOfWork } from './unit-of-work/unit-of-work';
export type {
  Delivery,
  HandleOutcome,
  Handled,
  MessageTap,
  Publication,
  Published,
} from './observability/message-tap';
export { MessageTaps } from './observability/message-taps';
export type { JournalEntry, JournalOutcome, SentEmail } from './journal/journal-entry';
export { DeliveryNotes } from './journal/delivery-notes';
export { MessageJournal } from './journal/message-journal';
export type { ConsoleOrder } from './console/console-order.lookup';
export { ConsoleOrderLookup } from './console/console-order.lookup';
