import { OrderAlreadyFinalError } from '../domain/order-already-final.error';
import { OrderNotFoundError } from '../domain/order-not-found.error';
import { OrderStatus } from '../domain/order-status';
import { CUSTOMER_CANCEL_REASON, CancelOrderUseCase } from './cancel-order.use-case';
import { InterleavingOrderRepository, OrdersWorld, Step, placedOrder } from './orders.fixtures';

const items = [{ sku: 'A', name: 'A', quantity: 3, unitPrice: 100 }];

describe('CancelOrderUseCase', () => {
  let world: OrdersWorld;
  let cancel: CancelOrderUseCase;

  beforeEach(async () => {
    world = new OrdersWorld(new InterleavingOrderRepository());
    cancel = new CancelOrderUseCase(world.uow, world.repo);
    await world.seed(placedOrder('o-1', items));
  });

  it('gives the customer reason a fixed wording', () => {
    expect(CUSTOMER_CANCEL_REASON).toBe('Cancelled by the customer');
  });

  it('cancels a pending order, stores it and announces order.cancelled', async () => {
    const order = await cancel.execute('o-1');
    expect(order.status).toBe(OrderStatus.CANCELLED);
    expect(order.snapshot().history.at(-1)?.reason).toBe('Cancelled by the customer');
    expect((await world.stored('o-1')).snapshot()).toEqual(order.snapshot());
    expect(order.events).toEqual([]);
    const events = await world.published();
    expect(events.map((e) => e.type)).toEqual(['order.cancelled']);
    expect(events[0].payload).toStrictEqual({
      orderId: 'o-1',
      customerEmail: 'a@b.co',
      reason: 'Cancelled by the customer',
      items,
      total: 300,
      currency: 'EUR',
    });
  });

  it('cancels a pending order without releasing: no reservation is known yet', async () => {
    const order = await cancel.execute('o-1');
    expect(order.step).toBe('releasing-stock');
    expect(await world.types()).toEqual(['order.cancelled']);
  });

  it('cancels an order awaiting payment, releasing its stock for the customer reason', async () => {
    await world.move('o-1', 'reserve');
    await world.published();
    expect((await cancel.execute('o-1')).status).toBe(OrderStatus.CANCELLED);
    const [release, cancelled] = await world.published();
    expect(release.type).toBe('inventory.release-stock');
    expect(release.payload).toStrictEqual({ orderId: 'o-1', reason: 'Cancelled by the customer' });
    expect(cancelled.type).toBe('order.cancelled');
  });

  it('refuses an unknown order with OrderNotFoundError, announcing nothing', async () => {
    await expect(cancel.execute('nope')).rejects.toThrow(new OrderNotFoundError('nope'));
    await expect(cancel.execute('nope')).rejects.toBeInstanceOf(OrderNotFoundError);
    expect(await world.published()).toEqual([]);
  });

  it.each([
    [['reserve', 'pay'], OrderStatus.CONFIRMED],
    [['reject'], OrderStatus.REJECTED],
    [['cancel'], OrderStatus.CANCELLED],
  ] as Array<[Step[], OrderStatus]>)(
    'refuses an order already final after %j, changing and announcing nothing',
    async (steps, status) => {
      await world.move('o-1', ...steps);
      await world.published();
      const before = (await world.stored('o-1')).snapshot();
      const refusal = cancel.execute('o-1');
      await expect(refusal).rejects.toThrow(new OrderAlreadyFinalError('o-1', status));
      await expect(refusal).rejects.toMatchObject({ code: 'ORDERS.ALREADY_FINAL' });
      expect((await world.stored('o-1')).snapshot()).toEqual(before);
      expect(await world.published()).toEqual([]);
    },
  );

  it('retries on the fresh order when another writer changed it meanwhile', async () => {
    world.repo.interleave = () => world.move('o-1', 'reserve');
    const order = await cancel.execute('o-1');
    expect(order.snapshot().history.map((h) => h.status)).toEqual([
      'PENDING',
      'STOCK_RESERVED',
      'CANCELLED',
    ]);
    expect((await world.stored('o-1')).snapshot()).toEqual(order.snapshot());
    expect(order.version).toBe(3);
    expect(await world.types()).toEqual([
      'billing.charge-payment',
      'inventory.release-stock',
      'order.cancelled',
    ]);
  });

  it('refuses when the order became final while it was being cancelled', async () => {
    world.repo.interleave = () => world.move('o-1', 'reserve', 'pay');
    await expect(cancel.execute('o-1')).rejects.toThrow(OrderAlreadyFinalError);
    expect((await world.stored('o-1')).status).toBe(OrderStatus.CONFIRMED);
    // Only the other writer's confirmation went out; the lost cancellation left no trace.
    expect(await world.types()).toEqual([
      'billing.charge-payment',
      'inventory.commit-stock',
      'order.confirmed',
    ]);
  });
});
