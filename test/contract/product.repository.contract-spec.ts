// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { ConcurrentModificationError } from '../../src/common/errors/concurrent-modification.error';
import { Product } from '../../src/inventory/domain/product.entity';
import { describeAdapters } from './support/adapter-harness';
import { inventoryStores, newProduct, published } from './support/inventory-fixtures';

describeAdapters('ProductRepository', inventoryStores, (subject) => {
  const add = (...products: Product[]) =>
    subject().uow.run(async (tx) => {
      for (const p of products) await subject().products.add(p, tx);
    });
  const save = (p: Product) => subject().uow.run((tx) => subject().products.save(p, tx));
  const load = async (sku: string) => (await subject().products.getMany([sku]))[0];

  async function given(...skus: string[]): Promise<void> {
    await add(...skus.map((s) => Product.create(newProduct(s, 5))));
    await published(subject().outbox);
  }

  it('stores a new product as version 1 and publishes its creation', async () => {
    await add(Product.create(newProduct('A', 5)));

    expect((await load('A')).snapshot()).toEqual({
      sku: 'A',
      name: 'Product A',
      price: 1250,
      currency: 'EUR',
      available: 5,
      reserved: 0,
      version: 1,
    });
    expect(await published(subject().outbox)).toEqual([
      {
        type: 'inventory.product-updated',
        payload: { sku: 'A', name: 'Product A', price: 1250, currency: 'EUR', available: 5 },
      },
    ]);
  });

  it('saves a loaded product as the next version, storing strings literally', async () => {
    await given('A');
    const p = await load('A');
    p.revise({ name: '$5 gift card', price: 999, stock: 8 });
    p.reserve(3);

    await save(p);

    expect((await load('A')).snapshot()).toMatchObject({
      name: '$5 gift card',
      price: 999,
      available: 5,
      reserved: 3,
      version: 2,
    });
    expect(await published(subject().outbox)).toMatchObject([
      { type: 'inventory.product-updated', payload: { name: '$5 gift card', available: 8 } },
    ]);
  });

  it('refuses a stale save: the first writer wins, the loser stores and publishes nothing', async () => {
    await given('A');
    const [first, stale] = [await load('A'), await load('A')];
    first.revise({ price: 1 });
    stale.revise({ price: 2 });

    await save(first);
    await expect(save(stale)).rejects.toBeInstanceOf(ConcurrentModificationError);

    expect((await load('A')).snapshot()).toMatchObject({ price: 1, version: 2 });
    expect((await published(subject().outbox)).map((e) => e.payload)).toMatchObject([{ price: 1 }]);
  });

  it('saves the same product again after its commit, announcing nothing more', async () => {
    const p = Product.create(newProduct('A', 5));
    await add(p);
    await published(subject().outbox);

    await save(p);

    expect((await load('A')).snapshot()).toEqual(p.snapshot());
    expect(await published(subject().outbox)).toEqual([]);
    p.reserve(2);
    await save(p);
    expect((await load('A')).snapshot()).toMatchObject({ available: 3, reserved: 2, version: 2 });
  });

  it('stores the last state of a product saved twice in one unit of work, each event once', async () => {
    await given('A');
    const [loaded, created] = [await load('A'), Product.create(newProduct('B', 1))];

    await subject().uow.run(async (tx) => {
      loaded.revise({ price: 1 });
      await subject().products.save(loaded, tx);
      loaded.reserve(2);
      loaded.revise({ name: 'Renamed' });
      await subject().products.save(loaded, tx);
      await subject().products.add(created, tx);
      created.revise({ price: 7 });
      await subject().products.save(created, tx);
    });

    expect((await load('A')).snapshot()).toMatchObject({
      name: 'Renamed',
      price: 1,
      available: 3,
      reserved: 2,
      version: 2,
    });
    expect((await load('B')).snapshot()).toMatchObject({ price: 7, available: 1, version: 1 });
    expect([loaded.persistedVersion, created.persistedVersion]).toEqual([2, 1]);
    expect((await published(subject().outbox)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ sku: 'A', name: 'Product A', price: 1 }),
      expect.objectContaining({ sku: 'A', name: 'Renamed', price: 1, available: 3 }),
      expect.objectContaining({ sku: 'B', price: 1250 }),
      expect.objectContaining({ sku: 'B', price: 7 }),
    ]);
  });

  it('refuses to add a SKU that is stored already, keeping the stored one', async () => {
    await given('A');

    await expect(
      add(Product.create({ ...newProduct('A', 99), name: 'Changed' })),
    ).rejects.toBeInstanceOf(ConcurrentModificationError);

    expect((await load('A')).snapshot()).toMatchObject({ name: 'Product A', available: 5 });
    expect(await published(subject().outbox)).toEqual([]);
  });

  it('commits all of a unit of work or none of it: one refused write drops the others', async () => {
    await given('A');

    await expect(
      add(Product.create(newProduct('B', 1)), Product.create(newProduct('A', 2))),
    ).rejects.toBeInstanceOf(ConcurrentModificationError);
    await expect(
      subject().uow.run(async (tx) => {
        await subject().products.add(Product.create(newProduct('C', 1)), tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');

    expect((await subject().products.list()).map((p) => p.sku)).toEqual(['A']);
    expect(await published(subject().outbox)).toEqual([]);
  });

  it('lists every product by SKU in code-point order, as MongoDB sorts strings', async () => {
    await given('b', 'B', 'A1', 'a', 'A.1', 'A-2');

    expect((await subject().products.list()).map((p) => p.sku)).toEqual([
      'A-2',
      'A.1',
      'A1',
      'B',
      'a',
      'b',
    ]);
  });

  it('gets only the known SKUs, sorted, once each', async () => {
    await given('C', 'A', 'B');

    const got = await subject().products.getMany(['C', 'NOPE', 'A', 'C']);

    expect(got.map((p) => p.sku)).toEqual(['A', 'C']);
    expect(await subject().products.getMany([])).toEqual([]);
    expect(await subject().products.getMany(['NOPE'])).toEqual([]);
  });
});
