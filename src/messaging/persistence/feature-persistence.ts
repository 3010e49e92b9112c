import { Abstract, DynamicModule, Provider } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { AppConfig, FeatureModuleName } from '../../common/config/app-config';
import { connectionTokenFor, mongoConnectionFor } from '../../common/persistence/mongo-connection';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { MongoInboxStore } from '../inbox/mongo-inbox.store';
import { RoutingInboxStore } from '../inbox/routing-inbox.store';
import { InMemoryOutboxStore } from '../outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../outbox/mongo-outbox.store';
import { OutboxRegistry } from '../outbox/outbox.registry';
import { EventMapper, noEvents } from '../unit-of-work/event-mapper';
import { InMemoryUnitOfWork } from '../unit-of-work/in-memory-unit-of-work';
import { MongoUnitOfWork } from '../unit-of-work/mongo-unit-of-work';
import { UnitOfWork } from '../unit-of-work/unit-of-work';
import { ModulePublications, Publications } from './publications';

/** A port and its two adapters; the storage setting picks one. */
export interface StoreAdapters<T> {
  provide: Abstract<T>;
  memory: () => T;
  mongo: (connection: Connection) => T;
}

/** Infers T from the port, so a wrong adapter is a compile error rather than a cast. */
export function storeAdapters<T>(
  provide: Abstract<T>,
  memory: () => T,
  mongo: (connection: Connection) => T,
): StoreAdapters<T> {
  return { provide, memory, mongo };
}

export interface FeaturePersistence {
  imports: DynamicModule[];
  providers: Provider[];
}

export interface FeaturePersistenceOptions {
  events?: EventMapper;
  /** Everything `events` may produce, and the requests the module makes; nothing when absent. */
  publishes?: Publications;
  stores?: StoreAdapters<unknown>[];
}

/**
 * Everything a module needs to keep state: its own database (on Mongo), its outbox and inbox
 * (registered with the relay and the consumer pipeline), a UnitOfWork bound to them and to the
 * module's event mapper, and each store port bound to the adapter the configuration picks.
 */
export function featurePersistence(
  owner: FeatureModuleName,
  config: AppConfig,
  options: FeaturePersistenceOptions = {},
): FeaturePersistence {
  const uri = config.mongodbUriFor(owner);
  const conn = uri ? [connectionTokenFor(owner)] : [];
  const publications = new ModulePublications(owner, options.publishes);
  const mapper = publications.guard(options.events ?? noEvents);
  const unitOfWork: Provider = {
    provide: UnitOfWork,
    inject: [OutboxRegistry, RoutingInboxStore, ...conn],
    useFactory: (outboxes: OutboxRegistry, inboxes: RoutingInboxStore, c?: Connection) => {
      const notify = () => outboxes.notifyAppended();
      if (c) {
        const [outbox, inbox] = [new MongoOutboxStore(c, notify), new MongoInboxStore(c)];
        outboxes.register(owner, outbox);
        inboxes.register(owner, inbox);
        return new MongoUnitOfWork(c, outbox, inbox, mapper);
      }
      const [outbox, inbox] = [new InMemoryOutboxStore(notify), new InMemoryInboxStore()];
      outboxes.register(owner, outbox);
      inboxes.register(owner, inbox);
      return new InMemoryUnitOfWork(outbox, inbox, mapper);
    },
  };
  const stores = (options.stores ?? []).map((s): Provider => ({
    provide: s.provide,
    inject: conn,
    useFactory: (c?: Connection) => (c ? s.mongo(c) : s.memory()),
  }));
  return {
    imports: uri ? [mongoConnectionFor(owner, uri)] : [],
    providers: [unitOfWork, { provide: ModulePublications, useValue: publications }, ...stores],
  };
}
