import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { OrderStatus } from '../domain/order-status';
import { Order } from '../domain/order.entity';
import { InMemoryOrderRepository } from '../infrastructure/in-memory-order.repository';
import { OrderLifecycleService } from './order-lifecycle.service';

describe('OrderLifecycleService with reports arriving out of order', () => {
  let outbox: InMemoryOutboxStore;
  let repo: InMemoryOrderRepository;
  let lifecycle: OrderLifecycleService;

  beforeEach(async () => {
    outbox = new InMemoryOutboxStore();
    repo = new InMemoryOrderRepository(outbox);
    lifecycle = new OrderLifecycleService(repo);
    await repo.create(
      Order.place({
        id: 'o-1',
        customerEmail: 'a@b.co',
        currency: 'EUR',
        items: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }],
      }),
      [],
    );
  });

  const types = async () => (await outbox.claim(100)).map((m) => m.routingKey);

  it('confirms when payment overtakes the reservation, and ignores the late reservation', async () => {
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    await lifecycle.stockReserved('o-1');
    const order = (await repo.findById('o-1'))!;
    expect(order.status).toBe(OrderStatus.CONFIRMED);
    expect(order.snapshot().history.map((h) => h.status)).toEqual([
      'PENDING',
      'STOCK_RESERVED',
      'CONFIRMED',
    ]);
    expect(await types()).toEqual(['order.confirmed']);
  });

  it('cancels when a declined payment overtakes the reservation', async () => {
    await lifecycle.paymentFailed('o-1', 'card_declined');
    await lifecycle.stockReserved('o-1');
    expect((await repo.findById('o-1'))!.status).toBe(OrderStatus.CANCELLED);
    expect(await types()).toEqual(['order.cancelled']);
  });

  it('announces a confirmation once even if payment is reported twice', async () => {
    await lifecycle.stockReserved('o-1');
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    expect(await types()).toEqual(['order.confirmed']);
  });

  it('ignores reports for orders it does not know', async () => {
    await expect(lifecycle.paymentSucceeded('nope', 'INV-9')).resolves.toBeUndefined();
  });

  const stored = async () => (await repo.findById('o-1'))!.snapshot();
  const events = async () => (await outbox.claim(100)).map((m) => JSON.parse(m.body));

  it('records a reservation with its reason and announces nothing', async () => {
    await lifecycle.stockReserved('o-1');
    const s = await stored();
    expect(s.status).toBe(OrderStatus.STOCK_RESERVED);
    expect(s.history[1].reason).toBe('Stock reserved');
    expect(s.version).toBe(2);
    expect(await events()).toEqual([]);
  });

  it('rejects a pending order and announces order.rejected with the shortages', async () => {
    const shortages = [{ sku: 'A', requested: 1, available: 0 }];
    await lifecycle.stockRejected('o-1', 'Not enough stock', shortages);
    const s = await stored();
    expect(s.status).toBe(OrderStatus.REJECTED);
    expect(s.history[1].reason).toBe('Not enough stock');
    const [rejected, ...rest] = await events();
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
    expect((await events())[0].payload).toMatchObject({ invoiceNumber: 'INV-1', total: 100 });
  });

  it('cancels on a declined payment, giving the decline as the reason', async () => {
    await lifecycle.stockReserved('o-1');
    await lifecycle.paymentFailed('o-1', 'card_declined');
    const s = await stored();
    expect(s.history.at(-1)?.reason).toBe('Payment declined: card_declined');
    const [cancelled] = await events();
    expect(cancelled.type).toBe('order.cancelled');
    expect(cancelled.payload.reason).toBe('Payment declined: card_declined');
  });

  it('notes a stock release in the history without changing the status', async () => {
    await lifecycle.stockReleased('o-1', 'reservation expired');
    const s = await stored();
    expect(s.status).toBe(OrderStatus.PENDING);
    expect(s.history.at(-1)?.reason).toBe('Stock released: reservation expired');
    expect(s.version).toBe(2);
    expect(await events()).toEqual([]);
  });

  it('leaves the stored order untouched when a report does not fit its state', async () => {
    await lifecycle.stockRejected('o-1', 'Not enough stock', []);
    await outbox.claim(100);
    await lifecycle.stockReserved('o-1');
    await lifecycle.paymentSucceeded('o-1', 'INV-1');
    await lifecycle.paymentFailed('o-1', 'card_declined');
    const s = await stored();
    expect(s.status).toBe(OrderStatus.REJECTED);
    expect(s.version).toBe(2);
    expect(await events()).toEqual([]);
  });

  it('retries a report on the fresh order when another writer changed it meanwhile', async () => {
    const update = repo.update.bind(repo);
    let raced = false;
    jest.spyOn(repo, 'update').mockImplementation(async (order, expected, evts) => {
      if (!raced) {
        raced = true;
        const other = (await repo.findById('o-1'))!;
        other.note('Stock released: other writer');
        await update(other, expected, []);
      }
      return update(order, expected, evts);
    });
    await lifecycle.stockReserved('o-1');
    const s = await stored();
    expect(s.status).toBe(OrderStatus.STOCK_RESERVED);
    expect(s.history.map((h) => h.reason)).toEqual([
      undefined,
      'Stock released: other writer',
      'Stock reserved',
    ]);
  });
});
