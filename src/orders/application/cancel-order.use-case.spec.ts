import { InMemoryOutboxStore } from '../../messaging/outbox/in-memory-outbox.store';
import { OrderAlreadyFinalError } from '../domain/order-already-final.error';
import { OrderNotFoundError } from '../domain/order-not-found.error';
import { OrderStatus } from '../domain/order-status';
import { Order } from '../domain/order.entity';
import { InMemoryOrderRepository } from '../infrastructure/in-memory-order.repository';
import { CUSTOMER_CANCEL_REASON, CancelOrderUseCase } from './cancel-order.use-case';
import { OutgoingEvents } from './order.repository';

/** Lets another writer change the order between this use case's load and its save, once. */
class InterleavingOrderRepository extends InMemoryOrderRepository {
  interleave?: () => Promise<void>;

  async update(order: Order, expectedVersion: number, events: OutgoingEvents): Promise<void> {
    const other = this.interleave;
    this.interleave = undefined;
    if (other) await other();
    return super.update(order, expectedVersion, events);
  }
}

const items = [{ sku: 'A', name: 'A', quantity: 3, unitPrice: 100 }];

describe('CancelOrderUseCase', () => {
  let outbox: InMemoryOutboxStore;
  let repo: InterleavingOrderRepository;
  let cancel: CancelOrderUseCase;

  beforeEach(async () => {
    outbox = new InMemoryOutboxStore();
    repo = new InterleavingOrderRepository(outbox);
    cancel = new CancelOrderUseCase(repo);
    await repo.create(
      Order.place({ id: 'o-1', customerEmail: 'a@b.co', currency: 'EUR', items }),
      [],
    );
  });

  const published = async () => (await outbox.claim(100)).map((m) => JSON.parse(m.body));
  /** Another writer moving the stored order on, as the lifecycle service would. */
  const moveStored = async (...steps: OrderStatus[]) => {
    const stored = (await repo.findById('o-1'))!;
    const v = stored.version;
    for (const s of steps) {
      if (s === OrderStatus.CONFIRMED) stored.confirm('INV-1');
      else stored.transition(s);
    }
    await repo.update(stored, v, []);
  };

  it('gives the customer reason a fixed wording', () => {
    expect(CUSTOMER_CANCEL_REASON).toBe('Cancelled by the customer');
  });

  it('cancels a pending order, stores it and announces order.cancelled', async () => {
    const order = await cancel.execute('o-1');
    expect(order.status).toBe(OrderStatus.CANCELLED);
    expect(order.snapshot().history.at(-1)?.reason).toBe('Cancelled by the customer');
    expect((await repo.findById('o-1'))!.snapshot()).toEqual(order.snapshot());
    const events = await published();
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

  it('cancels an order whose stock is reserved', async () => {
    await moveStored(OrderStatus.STOCK_RESERVED);
    expect((await cancel.execute('o-1')).status).toBe(OrderStatus.CANCELLED);
  });

  it('refuses an unknown order with OrderNotFoundError', async () => {
    await expect(cancel.execute('nope')).rejects.toThrow(new OrderNotFoundError('nope'));
    await expect(cancel.execute('nope')).rejects.toBeInstanceOf(OrderNotFoundError);
  });

  it.each([
    [[OrderStatus.STOCK_RESERVED, OrderStatus.CONFIRMED], OrderStatus.CONFIRMED],
    [[OrderStatus.REJECTED], OrderStatus.REJECTED],
    [[OrderStatus.CANCELLED], OrderStatus.CANCELLED],
  ])('refuses an order already final after %j, announcing nothing', async (steps, status) => {
    await moveStored(...steps);
    const refusal = cancel.execute('o-1');
    await expect(refusal).rejects.toThrow(new OrderAlreadyFinalError('o-1', status));
    await expect(refusal).rejects.toMatchObject({ code: 'ORDERS.ALREADY_FINAL' });
    expect(await published()).toEqual([]);
  });

  it('retries on the fresh order when another writer changed it meanwhile', async () => {
    repo.interleave = () => moveStored(OrderStatus.STOCK_RESERVED);
    const order = await cancel.execute('o-1');
    expect(order.snapshot().history.map((h) => h.status)).toEqual([
      'PENDING',
      'STOCK_RESERVED',
      'CANCELLED',
    ]);
    expect((await published()).length).toBe(1);
  });

  it('refuses when the order became final while it was being cancelled', async () => {
    repo.interleave = () => moveStored(OrderStatus.STOCK_RESERVED, OrderStatus.CONFIRMED);
    await expect(cancel.execute('o-1')).rejects.toThrow(OrderAlreadyFinalError);
    expect((await repo.findById('o-1'))!.status).toBe(OrderStatus.CONFIRMED);
    expect(await published()).toEqual([]);
  });
});
