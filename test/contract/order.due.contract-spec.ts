// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Order } from '../../src/orders/domain/order.entity';
import { describeAdapters } from './support/adapter-harness';
import { at, orderSteps, orderStores, placeOrder } from './support/order-fixtures';

/** An order whose charge was asked for at T0 and falls due after `seconds`. */
function dueAfter(seconds: number, id?: ReturnType<typeof randomUUID>): Order {
  const order = placeOrder(at(0), id);
  order.stockReserved(seconds * 1000, at(0));
  return order;
}

/** What the payment-timeout poller asks of the store: the orders whose charge is due. */
describeAdapters('OrderRepository.findDue', orderStores, (subject) => {
  const { save, load } = orderSteps(subject);
  const due = async (seconds: number, limit = 10) =>
    (await subject().orders.findDue(at(seconds), limit)).map((o) => o.id);

  it('finds the orders due by now, earliest first, the one due exactly now included', async () => {
    const [late, early, exact] = [dueAfter(30), dueAfter(10), dueAfter(20)];
    await save(late, early, exact, dueAfter(40));

    expect(await due(20)).toEqual([early.id, exact.id]);
    expect(await due(19)).toEqual([early.id]);
    expect(await due(9)).toEqual([]);
  });

  it('breaks ties by id and stops at the limit', async () => {
    const ids = ['c', 'a', 'b'].map((c) => `00000000-0000-4000-8000-00000000000${c}` as const);
    await save(...ids.map((id) => dueAfter(10, id)));

    expect(await due(10, 2)).toEqual([ids[1], ids[2]]);
    expect(await due(10, 10)).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('finds no order without an open charge: pending, settled or given up', async () => {
    const [pending, confirmed, timedOut, cancelled] = [
      placeOrder(at(0)),
      dueAfter(5),
      dueAfter(5),
      dueAfter(5),
    ];
    confirmed.paymentSucceeded('INV-1', at(1));
    timedOut.timeOut(at(5));
    cancelled.cancel('Cancelled by the customer', at(2));
    await save(pending, confirmed, timedOut, cancelled);

    expect(await due(3600)).toEqual([]);
  });

  it('forgets an order once a later save settles its charge', async () => {
    const order = dueAfter(5);
    await save(order);
    const paid = await load(order.id);
    paid.paymentSucceeded('INV-1', at(1));
    await save(paid);

    expect(await due(3600)).toEqual([]);
  });

  it('hands out whole orders, as findById would', async () => {
    const order = dueAfter(5);
    await save(order);

    const [found] = await subject().orders.findDue(at(5), 1);

    expect(found.snapshot()).toEqual((await load(order.id)).snapshot());
    expect(found.persistedVersion).toBe(2);
  });
});
