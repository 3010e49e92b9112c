// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Order } from '../../src/orders/domain/order.entity';
import { describeAdapters } from './support/adapter-harness';
import { at, orderSteps, orderStores, placeOrder } from './support/order-fixtures';

/** The order process's own fields in storage: legs, due time, token, invoice, history notes. */
describeAdapters('OrderRepository (process fields)', orderStores, (subject) => {
  const { save, load } = orderSteps(subject);

  /** Orders at each kind of process state, with the optional fields each one holds. */
  const walked: Array<[string, (o: Order) => void, number]> = [
    ['pending, holding its token', () => undefined, 1],
    ['awaiting payment, with a due time', (o) => o.stockReserved(60_000, at(1)), 2],
    [
      'confirmed, with its invoice',
      (o) => [o.stockReserved(60_000, at(1)), o.paymentSucceeded('INV-1', at(2))],
      3,
    ],
    [
      'cancelled late, refunded and released',
      (o) => [
        o.stockReserved(60_000, at(1)),
        o.timeOut(at(61)),
        o.paymentSucceeded('INV-2', at(62)),
        o.paymentRefunded('Payment timed out', at(63)),
        o.stockReleased('Payment timed out', at(64)),
      ],
      6,
    ],
  ];

  it.each(walked)(
    'round-trips every field of a new order %s, loaded at the version saved',
    async (_, walk, version) => {
      const order = placeOrder();
      walk(order);

      await save(order);

      const found = await load(order.id);
      expect(found.snapshot()).toEqual(order.snapshot());
      expect([found.persistedVersion, found.step]).toEqual([version, order.step]);
      expect(found.events).toEqual([]);
    },
  );

  it('clears the token once the charge is asked for, and the due time once it settles', async () => {
    const order = placeOrder();
    await save(order);
    const reserved = await load(order.id);
    reserved.stockReserved(60_000, at(1));
    await save(reserved);
    const afterCharge = (await load(order.id)).snapshot();
    expect(afterCharge.paymentToken).toBeUndefined();
    expect(afterCharge.paymentDueAt).toEqual(at(61));

    const paid = await load(order.id);
    paid.paymentSucceeded('INV-1', at(2));
    await save(paid);

    expect((await load(order.id)).snapshot()).toEqual(paid.snapshot());
    expect((await load(order.id)).snapshot().paymentDueAt).toBeUndefined();
  });
});
