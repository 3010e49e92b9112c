import { OrderStatus } from '../domain/order-status';
import { OrderLifecycleService } from './order-lifecycle.service';
import { InterleavingOrderRepository, OrdersWorld, Step, placedOrder } from './orders.fixtures';

const items = [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }];

describe('OrderLifecycleService with reports arriving out of order', () => {
  let world: OrdersWorld;
  let lifecycle: OrderLifecycleService;

  beforeEach(async () => {
    world = new OrdersWorld(new InterleavingOrderRepository());
    lifecycle = new OrderLifecycleService(world.uow, world.repo);
    await world.seed(placedOrder('o-1', items));
  });

  const stored = async () => (await world.stored('o-1')).snapshot();

  it('confirms when payment overtakes the reservation, and ignores the late reservation', async () => {
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    await lifecycle.stockReserved('o-1');
    const s = await stored();
    expect(s.status).toBe(OrderStatus.CONFIRMED);
    expect(s.history.map((h) => h.status)).toEqual(['PENDING', 'STOCK_RESERVED', 'CONFIRMED']);
    expect(await world.types()).toEqual(['order.confirmed']);
  });

  it('cancels when a declined payment overtakes the reservation', async () => {
    await lifecycle.paymentFailed('o-1', 'card_declined');
    await lifecycle.stockReserved('o-1');
    expect((await stored()).status).toBe(OrderStatus.CANCELLED);
    expect(await world.types()).toEqual(['order.cancelled']);
  });

  it('announces a confirmation once even if payment is reported twice', async () => {
    await lifecycle.stockReserved('o-1');
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    expect(await world.types()).toEqual(['order.confirmed']);
  });

  it('ignores reports for orders it does not know, storing and announcing nothing', async () => {
    await expect(lifecycle.paymentSucceeded('nope', 'INV-9')).resolves.toBeUndefined();
    await expect(lifecycle.stockReleased('nope', 'expired')).resolves.toBeUndefined();
    expect(await world.repo.findById('nope')).toBeUndefined();
    expect(await world.published()).toEqual([]);
  });

  it('records a reservation with its reason and announces nothing', async () => {
    await lifecycle.stockReserved('o-1');
    const s = await stored();
    expect(s.status).toBe(OrderStatus.STOCK_RESERVED);
    expect(s.history[1].reason).toBe('Stock reserved');
    expect(s.version).toBe(2);
    expect(await world.published()).toEqual([]);
  });

  it('rejects a pending order and announces order.rejected with the shortages', async () => {
    const shortages = [{ sku: 'A', requested: 1, available: 0 }];
    await lifecycle.stockRejected('o-1', 'Not enough stock', shortages);
    const s = await stored();
    expect(s.status).toBe(OrderStatus.REJECTED);
    expect(s.history[1].reason).toBe('Not enough stock');
    const [rejected, ...rest] = await world.published();
    expect(rest).toEqual([]);
    expect(rejected.type).toBe('order.rejected');
    expect(rejected.payload).toStrictEqual({
      orderId: 'o-1',
      customerEmail: 'a@b.co',
      reason: 'Not enough stock',
      shortages,
    });
  });

  it('notes that payment implied the reservation when it overtook it', async () => {
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    const s = await stored();
    expect(s.history.map((h) => h.reason)).toEqual([
      undefined,
      'Stock reserved (reported by payment)',
      'Paid, invoice INV-1',
    ]);
    expect(s.invoiceNumber).toBe('INV-1');
    expect(s.version).toBe(3);
    const [confirmed, ...rest] = await world.published();
    expect(rest).toEqual([]);
    expect(confirmed.payload).toStrictEqual({
      orderId: 'o-1',
      customerEmail: 'a@b.co',
      items,
      total: 100,
      currency: 'EUR',
      invoiceNumber: 'INV-1',
    });
  });

  it('cancels on a declined payment, giving the decline as the reason', async () => {
    await lifecycle.stockReserved('o-1');
    await lifecycle.paymentFailed('o-1', 'card_declined');
    const s = await stored();
    expect(s.history.at(-1)?.reason).toBe('Payment declined: card_declined');
    const [cancelled, ...rest] = await world.published();
    expect(rest).toEqual([]);
    expect(cancelled.type).toBe('order.cancelled');
    expect(cancelled.payload.reason).toBe('Payment declined: card_declined');
  });

  it.each([[[]], [['cancel']], [['reserve', 'confirm']]] as Array<[Step[]]>)(
    'notes a stock release after %j without changing the status, announcing nothing',
    async (steps) => {
      if (steps.length) await world.move('o-1', ...steps);
      await world.published();
      const before = await stored();
      await lifecycle.stockReleased('o-1', 'reservation expired');
      const s = await stored();
      expect(s.status).toBe(before.status);
      expect(s.history.at(-1)?.reason).toBe('Stock released: reservation expired');
      expect(s.version).toBe(before.version + 1);
      expect(await world.published()).toEqual([]);
    },
  );

  it.each([
    [['reject'], OrderStatus.REJECTED],
    [['cancel'], OrderStatus.CANCELLED],
    [['reserve', 'confirm'], OrderStatus.CONFIRMED],
  ] as Array<[Step[], OrderStatus]>)(
    'leaves an order final after %j untouched by any report that moves it',
    async (steps, status) => {
      await world.move('o-1', ...steps);
      await world.published();
      const before = await stored();
      await lifecycle.stockReserved('o-1');
      await lifecycle.stockRejected('o-1', 'Not enough stock', []);
      await lifecycle.paymentSucceeded('o-1', 'INV-2');
      await lifecycle.paymentFailed('o-1', 'card_declined');
      expect((await stored()).status).toBe(status);
      expect(await stored()).toStrictEqual(before);
      expect(await world.published()).toEqual([]);
    },
  );

  it('ignores a second reservation and a late rejection of a reserved order', async () => {
    await lifecycle.stockReserved('o-1');
    const before = await stored();
    await lifecycle.stockReserved('o-1');
    await lifecycle.stockRejected('o-1', 'Not enough stock', []);
    expect(await stored()).toStrictEqual(before);
    expect(await world.published()).toEqual([]);
  });

  it('retries a report on the fresh order when another writer changed it meanwhile', async () => {
    world.repo.interleave = () => world.move('o-1', 'release');
    await lifecycle.stockReserved('o-1');
    const s = await stored();
    expect(s.status).toBe(OrderStatus.STOCK_RESERVED);
    expect(s.history.map((h) => h.reason)).toEqual([
      undefined,
      'Stock released: other writer',
      'Stock reserved',
    ]);
    expect(s.version).toBe(3);
  });

  it('ignores a report that no longer fits once retried on the fresh order', async () => {
    world.repo.interleave = () => world.move('o-1', 'cancel');
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    const s = await stored();
    expect(s.status).toBe(OrderStatus.CANCELLED);
    expect(s.invoiceNumber).toBeUndefined();
    expect(s.version).toBe(2);
    expect(await world.types()).toEqual(['order.cancelled']);
  });
});
