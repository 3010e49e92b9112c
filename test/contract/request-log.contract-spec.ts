// Contract classes use class-validator decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DuplicateIdempotencyKeyError } from '../../src/orders/application/duplicate-idempotency-key.error';
import { LoggedRequest } from '../../src/orders/application/request-log';
import { describeAdapters } from './support/adapter-harness';
import { orderSteps, orderStores, placeOrder } from './support/order-fixtures';

const inAnHour = () => new Date(Date.now() + 3600_000);

function entry(overrides: Partial<LoggedRequest> = {}): LoggedRequest {
  return {
    key: `key-${randomUUID()}`,
    requestHash: 'hash-1',
    orderId: randomUUID(),
    expiresAt: inAnHour(),
    ...overrides,
  };
}

describeAdapters('RequestLog', orderStores, (subject) => {
  const { types } = orderSteps(subject);
  const add = (logged: LoggedRequest) =>
    subject().uow.run((tx) => subject().requests.add(logged, tx));
  const find = (key: string) => subject().requests.find(key);

  it('finds an added entry by its key, with every field', async () => {
    const logged = entry();

    await add(logged);

    expect(await find(logged.key)).toEqual(logged);
  });

  it('finds nothing for a key it never took', async () => {
    await add(entry());

    expect(await find('key-unknown')).toBeUndefined();
  });

  it('hands out a copy: changing a found entry does not change the log', async () => {
    const logged = entry();
    await add(logged);

    const found = await find(logged.key);
    found!.orderId = 'tampered';

    expect((await find(logged.key))?.orderId).toBe(logged.orderId);
  });

  it('shows nothing of an add before the commit, nor after a failed one', async () => {
    const logged = entry();
    const boom = new Error('boom');

    const run = subject().uow.run(async (tx) => {
      await subject().requests.add(logged, tx);
      expect(await find(logged.key)).toBeUndefined();
      throw boom;
    });

    await expect(run).rejects.toBe(boom);
    expect(await find(logged.key)).toBeUndefined();
  });

  it('refuses a live key again and rolls the whole commit back', async () => {
    const first = entry();
    await add(first);
    const order = placeOrder();
    const second = entry({ key: first.key, requestHash: 'hash-2', orderId: order.id });

    const run = subject().uow.run(async (tx) => {
      await subject().orders.save(order, tx);
      await subject().requests.add(second, tx);
    });

    await expect(run).rejects.toBeInstanceOf(DuplicateIdempotencyKeyError);
    await expect(run).rejects.toMatchObject({ key: first.key });
    expect(await find(first.key)).toEqual(first);
    expect(await subject().orders.findById(order.id)).toBeUndefined();
    expect(await types()).toEqual([]);
  });

  it('lets exactly one of two concurrent adds of the same key commit', async () => {
    const [a, b] = [entry(), entry()];
    b.key = a.key;

    const results = await Promise.allSettled([add(a), add(b)]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(DuplicateIdempotencyKeyError);
    const winner = results[0].status === 'fulfilled' ? a : b;
    expect(await find(a.key)).toEqual(winner);
  });

  it('neither finds an expired key nor refuses it, and takes it again', async () => {
    const expired = entry({ expiresAt: new Date(Date.now() - 60_000) });
    await add(expired);

    expect(await find(expired.key)).toBeUndefined();

    const again = entry({ key: expired.key, requestHash: 'hash-2' });
    await add(again);
    expect(await find(expired.key)).toEqual(again);
  });

  it('commits an entry together with the order it names', async () => {
    const order = placeOrder();
    const logged = entry({ orderId: order.id });

    await subject().uow.run(async (tx) => {
      await subject().orders.save(order, tx);
      await subject().requests.add(logged, tx);
    });

    expect(await find(logged.key)).toEqual(logged);
    expect((await subject().orders.findById(order.id))?.id).toBe(order.id);
    expect(await types()).toEqual(['inventory.reserve-stock']);
  });
});
