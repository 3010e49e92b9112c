import { Logger } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { BrokerConnection } from '../../messaging/connection/broker-connection';
import { CatalogLookupReply } from '../../messaging/contracts';
import { RpcClient } from '../../messaging/rpc/rpc.client';
import { InMemoryCatalogReadModel } from '../infrastructure/in-memory-catalog.read-model';
import { CatalogSnapshotService } from './catalog-snapshot.service';
import { CatalogSync } from './catalog-sync.service';

type Answer = () => Promise<CatalogLookupReply>;

/** Inventory's catalog lookup: plays queued answers, then fails as if nobody answered. */
class FakeInventory {
  readonly requests: Array<{ routingKey: string; payload: object; at: number }> = [];
  readonly answers: Answer[] = [];

  request<T>(routingKey: string, payload: object): Promise<T> {
    this.requests.push({ routingKey, payload, at: Date.now() });
    const next = this.answers.shift() ?? (() => Promise.reject(new Error('no answer')));
    return next() as Promise<T>;
  }
}

class FakeBroker {
  connected = false;
  readonly listeners: Array<() => void> = [];
  onConnect(listener: () => void): void {
    this.listeners.push(listener);
  }
  reconnect(): void {
    this.connected = true;
    this.listeners.forEach((l) => l());
  }
}

const T0 = new Date('2026-11-23T10:00:00.000Z');
const mug = { sku: 'MUG', name: 'Mug', price: 1250, currency: 'EUR', available: 5 };
const tee = { sku: 'TEE', name: 'Tee', price: 2400, currency: 'EUR', available: 3 };
const reply =
  (...products: CatalogLookupReply['products']): Answer =>
  () =>
    Promise.resolve({ products, unknownSkus: [] });
const failure: Answer = () => Promise.reject(new Error('timeout'));

describe('CatalogSnapshotService', () => {
  let catalog: InMemoryCatalogReadModel;
  let inventory: FakeInventory;
  let broker: FakeBroker;
  let snapshot: CatalogSnapshotService;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    catalog = new InMemoryCatalogReadModel();
    inventory = new FakeInventory();
    broker = new FakeBroker();
    snapshot = new CatalogSnapshotService(
      new CatalogSync(catalog, new AppConfig()),
      inventory as unknown as RpcClient,
      broker as unknown as BrokerConnection,
    );
  });
  afterEach(() => jest.useRealTimers());

  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const stored = async () => [...(await catalog.getMany(['MUG', 'TEE'])).values()];

  it('asks inventory for the whole catalog and stores it, stamped with the time of asking', async () => {
    inventory.answers.push(
      () => new Promise((resolve) => setTimeout(() => void reply(mug, tee)().then(resolve), 500)),
    );
    const done = snapshot.refresh();
    await jest.advanceTimersByTimeAsync(500);
    await done;
    expect(inventory.requests).toEqual([
      { routingKey: 'inventory.catalog.lookup', payload: { skus: [] }, at: T0.getTime() },
    ]);
    expect(await stored()).toEqual([
      { ...mug, asOf: T0 },
      { ...tee, asOf: T0 },
    ]);
  });

  it('skips an entry it cannot sell at and keeps the others', async () => {
    inventory.answers.push(reply({ ...mug, currency: 'USD' }, tee));
    await snapshot.refresh();
    expect(await stored()).toEqual([{ ...tee, asOf: T0 }]);
  });

  it('loads at start-up when the broker is already connected', async () => {
    broker.connected = true;
    inventory.answers.push(reply(mug));
    snapshot.onApplicationBootstrap();
    expect(inventory.requests).toHaveLength(1);
    await settle();
    expect(await catalog.count()).toBe(1);
  });

  it('waits for the broker at start-up, then loads again on every reconnect', async () => {
    inventory.answers.push(reply(mug), reply(tee));
    snapshot.onApplicationBootstrap();
    expect(inventory.requests).toHaveLength(0);
    broker.reconnect();
    expect(inventory.requests).toHaveLength(1);
    await settle();
    broker.reconnect();
    expect(inventory.requests).toHaveLength(2);
    await settle();
    expect(await catalog.count()).toBe(2);
  });

  it('runs one load at a time: a refresh during a load joins it, a later one starts anew', async () => {
    inventory.answers.push(reply(mug), reply(tee));
    const first = snapshot.refresh();
    expect(snapshot.refresh()).toBe(first);
    await first;
    expect(inventory.requests).toHaveLength(1);
    await snapshot.refresh();
    expect(inventory.requests).toHaveLength(2);
  });

  it('asks again one second after a failed attempt', async () => {
    inventory.answers.push(failure, reply(mug));
    const done = snapshot.refresh();
    await jest.advanceTimersByTimeAsync(999);
    expect(inventory.requests).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    await done;
    expect(inventory.requests.map((r) => r.at - T0.getTime())).toEqual([0, 1000]);
    expect(await stored()).toEqual([{ ...mug, asOf: new Date(T0.getTime() + 1000) }]);
  });

  it('gives up quietly after five attempts, without a pause after the last', async () => {
    let settled = false;
    const done = snapshot.refresh().then(() => (settled = true));
    await jest.advanceTimersByTimeAsync(4000);
    expect(settled).toBe(true);
    await done;
    expect(inventory.requests.map((r) => r.at - T0.getTime())).toEqual([0, 1000, 2000, 3000, 4000]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(inventory.requests).toHaveLength(5);
  });
});
