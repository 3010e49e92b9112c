import { BrokerConnection } from '../../messaging';
import { inventoryHarness, MUG } from '../inventory.fixtures';
import { CatalogCacheResync } from './catalog-cache.resync';

describe('CatalogCacheResync', () => {
  it("forgets this process's cached entries on every reconnect", async () => {
    const h = inventoryHarness();
    await h.given(MUG);
    const listeners: Array<() => void> = [];
    const broker = {
      onConnect: (l: () => void) => void listeners.push(l),
    } as unknown as BrokerConnection;
    new CatalogCacheResync(broker, h.queries).onApplicationBootstrap();
    await h.queries.product('SKU-MUG');
    expect(await h.cache.getProduct('SKU-MUG')).toBeDefined();

    for (let i = 0; i < 2; i++) {
      listeners.forEach((l) => l());
      expect(await h.cache.getProduct('SKU-MUG')).toBeUndefined();
      await h.queries.product('SKU-MUG');
    }
    expect(listeners).toHaveLength(1);
  });
});
