import { CatalogEntry, CatalogReadModel } from '../../src/orders/application/catalog-read-model';
import { InMemoryCatalogReadModel } from '../../src/orders/infrastructure/in-memory-catalog.read-model';
import { MongoCatalogReadModel } from '../../src/orders/infrastructure/mongo-catalog.read-model';
import { describeAdapters } from './support/adapter-harness';

const at = (minute: number): Date => new Date(Date.UTC(2026, 2, 1, 10, minute));

function entry(sku: string, asOfMinute: number, changes: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    sku,
    name: `Product ${sku}`,
    price: 1250,
    currency: 'EUR',
    available: 10,
    asOf: at(asOfMinute),
    ...changes,
  };
}

describeAdapters<CatalogReadModel>(
  'CatalogReadModel',
  {
    memory: () => ({ adapter: new InMemoryCatalogReadModel() }),
    mongo: (connection) => ({ adapter: new MongoCatalogReadModel(connection) }),
  },
  (catalog) => {
    it('round-trips an entry', async () => {
      const mug = entry('SKU-MUG', 0);

      await catalog().upsert(mug);

      expect(await catalog().getMany(['SKU-MUG'])).toEqual(new Map([['SKU-MUG', mug]]));
    });

    it('returns only the SKUs it knows', async () => {
      const mug = entry('SKU-MUG', 0);
      const tee = entry('SKU-TEE', 0);
      await catalog().upsert(mug);
      await catalog().upsert(tee);

      const found = await catalog().getMany(['SKU-TEE', 'SKU-NOPE']);

      expect(found).toEqual(new Map([['SKU-TEE', tee]]));
      expect(await catalog().getMany([])).toEqual(new Map());
    });

    it('applies a newer update', async () => {
      await catalog().upsert(entry('SKU-MUG', 0));
      const newer = entry('SKU-MUG', 5, { price: 1500, available: 3, name: 'Blue mug' });

      await catalog().upsert(newer);

      expect((await catalog().getMany(['SKU-MUG'])).get('SKU-MUG')).toEqual(newer);
    });

    it('applies an update with the same asOf (a redelivery is harmless)', async () => {
      await catalog().upsert(entry('SKU-MUG', 5));
      const sameTime = entry('SKU-MUG', 5, { available: 4 });

      await catalog().upsert(sameTime);

      expect((await catalog().getMany(['SKU-MUG'])).get('SKU-MUG')).toEqual(sameTime);
    });

    it('ignores an older update without failing', async () => {
      const current = entry('SKU-MUG', 5, { available: 3 });
      await catalog().upsert(current);

      await expect(
        catalog().upsert(entry('SKU-MUG', 1, { available: 99 })),
      ).resolves.toBeUndefined();

      expect((await catalog().getMany(['SKU-MUG'])).get('SKU-MUG')).toEqual(current);
    });

    it('keeps the newest of concurrent first updates for a SKU, whatever order they land in', async () => {
      // Oldest first, so the oldest is most likely to insert the row and the newer ones must still win.
      for (let round = 0; round < 5; round++) {
        const sku = `SKU-RACE-${round}`;
        const updates = [0, 1, 2, 3].map((m) => entry(sku, m, { available: m }));

        await Promise.all(updates.map((u) => catalog().upsert(u)));

        expect((await catalog().getMany([sku])).get(sku)).toEqual(updates[3]);
      }
    });

    it('counts one entry per SKU', async () => {
      expect(await catalog().count()).toBe(0);
      await catalog().upsert(entry('SKU-MUG', 0));
      await catalog().upsert(entry('SKU-MUG', 1));
      await catalog().upsert(entry('SKU-TEE', 0));

      expect(await catalog().count()).toBe(2);
    });

    it('hands out copies: changing a returned entry does not change the model', async () => {
      await catalog().upsert(entry('SKU-MUG', 0, { available: 7 }));
      const copy = (await catalog().getMany(['SKU-MUG'])).get('SKU-MUG');
      if (copy) copy.available = 0;

      expect((await catalog().getMany(['SKU-MUG'])).get('SKU-MUG')?.available).toBe(7);
    });
  },
);
