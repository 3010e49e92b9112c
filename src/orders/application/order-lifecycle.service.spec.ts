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
});
