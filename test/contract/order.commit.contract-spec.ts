import { ConcurrentModificationError } from '../../src/common/errors/concurrent-modification.error';
import { describeAdapters } from './support/adapter-harness';
import { orderSteps, orderStores, placeOrder, published } from './support/order-fixtures';

/** The order repository inside the unit of work: what a commit makes visible, and when. */
describeAdapters('OrderRepository with the unit of work', orderStores, (subject) => {
  const { save, load, types } = orderSteps(subject);

  it('shows nothing of a save before the commit', async () => {
    const order = placeOrder();
    const seen = await subject().uow.run(async (tx) => {
      await subject().orders.save(order, tx);
      return {
        found: await subject().orders.findById(order.id),
        total: (await subject().orders.list({ offset: 0, limit: 10 })).total,
        pending: await subject().outbox.pendingCount(),
      };
    });

    expect(seen).toEqual({ found: undefined, total: 0, pending: 0 });
    expect((await load(order.id)).id).toBe(order.id);
  });

  it('stores and announces nothing when the work fails after saving', async () => {
    const order = placeOrder();
    const boom = new Error('boom');

    const run = subject().uow.run(async (tx) => {
      await subject().orders.save(order, tx);
      throw boom;
    });

    await expect(run).rejects.toBe(boom);
    expect(await subject().orders.findById(order.id)).toBeUndefined();
    expect(await subject().outbox.pendingCount()).toBe(0);
  });

  it('stores none of the writes of a commit that one stale write refuses', async () => {
    const stored = placeOrder();
    await save(stored);
    const [stale, moved] = [await load(stored.id), await load(stored.id)];
    moved.stockReserved(60_000);
    await save(moved);
    stale.cancel('stale');
    const fresh = placeOrder();

    await expect(save(fresh, stale)).rejects.toBeInstanceOf(ConcurrentModificationError);

    expect(await subject().orders.findById(fresh.id)).toBeUndefined();
    expect(await types()).toEqual(['billing.charge-payment', 'inventory.reserve-stock']);
  });

  it('puts the commands and events of a saved order in the outbox on commit, and clears them', async () => {
    const order = placeOrder();
    order.stockReserved(60_000);
    order.paymentSucceeded('INV-9');

    await save(order);

    expect(order.events).toEqual([]);
    const announced = await published(subject().outbox);
    expect(announced.map((m) => m.type)).toEqual([
      'billing.charge-payment',
      'inventory.commit-stock',
      'inventory.reserve-stock',
      'order.confirmed',
    ]);
    expect(announced.map((m) => m.payload.orderId)).toEqual(Array(4).fill(order.id));
    expect(announced[3].payload.invoiceNumber).toBe('INV-9');
  });

  it('sends commands to the commands exchange and events to the events exchange', async () => {
    const order = placeOrder();
    order.cancel('Cancelled by the customer');

    await save(order);

    const claimed = await subject().outbox.claim(10);
    const where = claimed.map((m) => [m.routingKey, m.destination]).sort();
    expect(where).toEqual([
      ['inventory.reserve-stock', 'commands'],
      ['order.cancelled', undefined],
    ]);
  });

  it('announces nothing more when an unchanged order is saved again', async () => {
    const order = placeOrder();
    await save(order);

    await save(await load(order.id));

    expect(await types()).toEqual(['inventory.reserve-stock']);
    expect((await load(order.id)).snapshot()).toEqual(order.snapshot());
  });

  it('announces nothing more when the same aggregate is saved again after its commit', async () => {
    const order = placeOrder();
    await save(order);

    await save(order);

    expect(await types()).toEqual(['inventory.reserve-stock']);
  });

  it('stores the last state and each event once when one run saves an order twice', async () => {
    const order = placeOrder();
    await subject().uow.run(async (tx) => {
      await subject().orders.save(order, tx);
      order.stockReserved(60_000);
      await subject().orders.save(order, tx);
    });

    expect(await types()).toEqual(['billing.charge-payment', 'inventory.reserve-stock']);
    expect((await load(order.id)).status).toBe('STOCK_RESERVED');
    expect((await load(order.id)).version).toBe(2);
  });
});
