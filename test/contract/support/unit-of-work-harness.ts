import type { Connection } from 'mongoose';
import { InMemoryInboxStore } from '../../../src/messaging/inbox/in-memory-inbox.store';
import { InboxStore } from '../../../src/messaging/inbox/inbox.store';
import { MongoInboxStore } from '../../../src/messaging/inbox/mongo-inbox.store';
import { InMemoryOutboxStore } from '../../../src/messaging/outbox/in-memory-outbox.store';
import { MongoOutboxStore } from '../../../src/messaging/outbox/mongo-outbox.store';
import { OutboxStore } from '../../../src/messaging/outbox/outbox.store';
import { EventMapper } from '../../../src/messaging/unit-of-work/event-mapper';
import { InMemoryUnitOfWork } from '../../../src/messaging/unit-of-work/in-memory-unit-of-work';
import { MongoUnitOfWork } from '../../../src/messaging/unit-of-work/mongo-unit-of-work';
import { UnitOfWork } from '../../../src/messaging/unit-of-work/unit-of-work';

/** A module's unit of work with its outbox and inbox, as featurePersistence wires them. */
export interface UnitOfWorkParts {
  uow: UnitOfWork;
  outbox: OutboxStore;
  inbox: InboxStore;
}

export function inMemoryUnitOfWork(mapper: EventMapper): UnitOfWorkParts {
  const [outbox, inbox] = [new InMemoryOutboxStore(), new InMemoryInboxStore()];
  return { uow: new InMemoryUnitOfWork(outbox, inbox, mapper), outbox, inbox };
}

export function mongoUnitOfWork(connection: Connection, mapper: EventMapper): UnitOfWorkParts {
  const [outbox, inbox] = [new MongoOutboxStore(connection), new MongoInboxStore(connection)];
  return { uow: new MongoUnitOfWork(connection, outbox, inbox, mapper), outbox, inbox };
}
