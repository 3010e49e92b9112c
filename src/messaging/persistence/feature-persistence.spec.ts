import { Test } from '@nestjs/testing';
import { AppConfig } from '../../common/config/app-config';
import { DeliveryScope } from '../inbox/delivery-scope';
import { InMemoryInboxStore } from '../inbox/in-memory-inbox.store';
import { RoutingInboxStore } from '../inbox/routing-inbox.store';
import { InMemoryOutboxStore } from '../outbox/in-memory-outbox.store';
import { OutboxRegistry } from '../outbox/outbox.registry';
import { InMemoryUnitOfWork } from '../unit-of-work/in-memory-unit-of-work';
import { UnitOfWork } from '../unit-of-work/unit-of-work';
import { featurePersistence, storeAdapters } from './feature-persistence';

abstract class WidgetStore {
  abstract kind(): string;
}
class MemoryWidgets extends WidgetStore {
  kind = () => 'memory';
}
class MongoWidgets extends WidgetStore {
  kind = () => 'mongo';
}

describe('featurePersistence', () => {
  it('wires a module on in-memory storage: its unit of work, outbox, inbox and stores', async () => {
    const registry = new OutboxRegistry();
    const inboxes = new RoutingInboxStore(new InMemoryInboxStore());
    const persistence = featurePersistence('billing', new AppConfig(), {
      stores: [
        storeAdapters(
          WidgetStore,
          () => new MemoryWidgets(),
          () => new MongoWidgets(),
        ),
      ],
    });
    expect(persistence.imports).toEqual([]);
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: OutboxRegistry, useValue: registry },
        { provide: RoutingInboxStore, useValue: inboxes },
        ...persistence.providers,
      ],
    }).compile();

    expect(moduleRef.get(UnitOfWork)).toBeInstanceOf(InMemoryUnitOfWork);
    expect(moduleRef.get(WidgetStore).kind()).toBe('memory');
    const [[owner, outbox]] = registry.all();
    expect(owner).toBe('billing');
    expect(outbox).toBeInstanceOf(InMemoryOutboxStore);

    // The inbox the pipeline asks about billing is the one billing's unit of work commits into.
    const delivery = { consumer: 'billing', messageId: 'm-1' };
    await DeliveryScope.run(delivery, () => moduleRef.get(UnitOfWork).run(async () => undefined));
    expect(await inboxes.has('billing', 'm-1')).toBe(true);
    expect(await inboxes.has('other', 'm-1')).toBe(false);
  });

  it('opens the module’s own Mongo connection when it has a MongoDB URI', () => {
    const config = Object.assign(new AppConfig(), {
      mongodbUri: 'mongodb://db:27017/?replicaSet=rs0',
    });
    const persistence = featurePersistence('orders', config);
    expect(persistence.imports).toHaveLength(1);
  });
});
