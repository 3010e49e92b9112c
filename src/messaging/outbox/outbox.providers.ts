import { Provider } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { connectionTokenFor } from '../../common/persistence/mongo-connection';
import { InMemoryOutboxStore } from './in-memory-outbox.store';
import { MongoOutboxStore } from './mongo-outbox.store';
import { OutboxRegistry } from './outbox.registry';
import { OutboxStore } from './outbox.store';

/** A module's own outbox (in its own database on Mongo), registered with the relay. */
export function outboxProvider(owner: string, useMongo: boolean): Provider {
  return {
    provide: OutboxStore,
    inject: useMongo ? [OutboxRegistry, connectionTokenFor(owner)] : [OutboxRegistry],
    useFactory: (registry: OutboxRegistry, connection?: Connection) => {
      const notify = () => registry.notifyAppended();
      const store =
        useMongo && connection
          ? new MongoOutboxStore(connection, notify)
          : new InMemoryOutboxStore(notify);
      registry.register(owner, store);
      return store;
    },
  };
}
