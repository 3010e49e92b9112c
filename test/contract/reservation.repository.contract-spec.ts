// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ConcurrentModificationError } from '../../src/common/errors/concurrent-modification.error';
import { Product } from '../../src/inventory/domain/product.entity';
import { Reservation } from '../../src/inventory/domain/reservation.entity';
import { describeAdapters } from './support/adapter-harness';
import { inventoryStores, newProduct, published } from './support/inventory-fixtures';

const at = new Date('2030-01-02T03:04:05.006Z');

describeAdapters('ReservationRepository', inventoryStores, (subject) => {
  const save = (r: Reservation) => subject().uow.run((tx) => subject().reservations.save(r, tx));
  const find = (orderId: string) => subject().reservations.find(orderId);
  const lines = [
    { sku: 'A', quantity: 2 },
    { sku: 'B', quantity: 1 },
  ];
  const products = () => [Product.create(newProduct('A', 5)), Product.create(newProduct('B', 5))];

  it('stores a new reservation as version 1 and publishes what it recorded', async () => {
    const orderId = randomUUID();

    await save(Reservation.decide(orderId, lines, products(), at));

    expect((await find(orderId))?.snapshot()).toEqual({
      orderId,
      items: lines,
      status: 'RESERVED',
      updatedAt: at,
      version: 1,
    });
    expect(await published(subject().outbox)).toEqual([
      { type: 'inventory.reserved', payload: { orderId, items: lines } },
    ]);
  });

  it('stores a rejection with the lines asked for and publishes the shortages', async () => {
    const orderId = randomUUID();

    await save(Reservation.decide(orderId, lines, [], at));

    expect((await find(orderId))?.snapshot()).toEqual({
      orderId,
      items: lines,
      status: 'REJECTED',
      updatedAt: at,
      version: 1,
    });
    expect(await published(subject().outbox)).toMatchObject([
      {
        type: 'inventory.rejected',
        payload: {
          orderId,
          shortages: [
            { sku: 'A', requested: 2, available: 0 },
            { sku: 'B', requested: 1, available: 0 },
          ],
        },
      },
    ]);
  });

  it('saves a loaded reservation as the next version, with its events', async () => {
    const orderId = randomUUID();
    await save(Reservation.decide(orderId, lines, products()));
    await published(subject().outbox);
    const loaded = (await find(orderId))!;

    loaded.release('payment declined', [], at);
    await save(loaded);

    expect((await find(orderId))?.snapshot()).toMatchObject({
      status: 'RELEASED',
      items: lines,
      updatedAt: at,
      version: 2,
    });
    expect(await published(subject().outbox)).toEqual([
      {
        type: 'inventory.released',
        payload: { orderId, items: lines, reason: 'payment declined' },
      },
    ]);
  });

  it('saves the same reservation again after its commit, announcing nothing more', async () => {
    const orderId = randomUUID();
    const r = Reservation.decide(orderId, lines, products(), at);
    await save(r);
    await published(subject().outbox);

    await save(r);

    expect((await find(orderId))?.snapshot()).toEqual(r.snapshot());
    expect(await published(subject().outbox)).toEqual([]);
    r.commit([], at);
    await save(r);
    expect((await find(orderId))?.snapshot()).toMatchObject({ status: 'COMMITTED', version: 2 });
  });

  it('stores the last state of a reservation saved twice in one unit of work, each event once', async () => {
    const [fresh, stored] = [randomUUID(), randomUUID()];
    await save(Reservation.decide(stored, lines, products()));
    await published(subject().outbox);
    const loaded = (await find(stored))!;
    const decided = Reservation.decide(fresh, lines, products(), at);

    await subject().uow.run(async (tx) => {
      await subject().reservations.save(decided, tx);
      decided.release('payment declined', [], at);
      await subject().reservations.save(decided, tx);
      await subject().reservations.save(loaded, tx);
      loaded.commit([], at);
      await subject().reservations.save(loaded, tx);
    });

    expect((await find(fresh))?.snapshot()).toEqual({
      orderId: fresh,
      items: lines,
      status: 'RELEASED',
      updatedAt: at,
      version: 1,
    });
    expect((await find(stored))?.snapshot()).toMatchObject({ status: 'COMMITTED', version: 2 });
    expect([decided.persistedVersion, loaded.persistedVersion]).toEqual([1, 2]);
    expect(await published(subject().outbox)).toEqual([
      { type: 'inventory.reserved', payload: { orderId: fresh, items: lines } },
      {
        type: 'inventory.released',
        payload: { orderId: fresh, items: lines, reason: 'payment declined' },
      },
    ]);
  });

  it('refuses a second new reservation for an order: the first decision stands', async () => {
    const orderId = randomUUID();
    await save(Reservation.decide(orderId, lines, []));
    await published(subject().outbox);

    await expect(save(Reservation.decide(orderId, lines, products()))).rejects.toBeInstanceOf(
      ConcurrentModificationError,
    );

    expect((await find(orderId))?.status).toBe('REJECTED');
    expect(await published(subject().outbox)).toEqual([]);
  });

  it('refuses a stale save, keeping the first writer’s change', async () => {
    const orderId = randomUUID();
    await save(Reservation.decide(orderId, lines, products()));
    const [first, stale] = [(await find(orderId))!, (await find(orderId))!];
    first.commit([]);
    stale.release('late', []);
    await published(subject().outbox);

    await save(first);
    await expect(save(stale)).rejects.toBeInstanceOf(ConcurrentModificationError);

    expect((await find(orderId))?.snapshot()).toMatchObject({ status: 'COMMITTED', version: 2 });
    expect(await published(subject().outbox)).toEqual([]);
  });

  it('commits products and reservation together: a refused reservation leaves stock as it was', async () => {
    const orderId = randomUUID();
    await subject().uow.run((tx) => subject().products.add(Product.create(newProduct('A', 5)), tx));
    // Decided already (rejected for another SKU), so a second decision must not land.
    await save(Reservation.decide(orderId, [{ sku: 'Z', quantity: 1 }], []));
    await published(subject().outbox);

    const attempt = subject().uow.run(async (tx) => {
      const stock = await subject().products.getMany(['A']);
      const r = Reservation.decide(orderId, [{ sku: 'A', quantity: 2 }], stock);
      for (const p of stock) await subject().products.save(p, tx);
      await subject().reservations.save(r, tx);
    });

    await expect(attempt).rejects.toBeInstanceOf(ConcurrentModificationError);
    expect((await subject().products.getMany(['A']))[0].snapshot()).toMatchObject({
      available: 5,
      reserved: 0,
      version: 1,
    });
    expect(await published(subject().outbox)).toEqual([]);
  });

  it('finds nothing for an order it never saw', async () => {
    expect(await find(randomUUID())).toBeUndefined();
  });
});
