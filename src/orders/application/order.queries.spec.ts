import { OrderNotFoundError } from '../domain/order-not-found.error';
import { OrderStatus } from '../domain/order-status';
import { InMemoryOrderRepository } from '../infrastructure/in-memory-order.repository';
import { OrderQueries } from './order.queries';
import { OrdersWorld, placedOrder } from './orders.fixtures';

const order = (id: string, at: string) =>
  placedOrder(id, [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }], new Date(at));

describe('OrderQueries', () => {
  let repo: InMemoryOrderRepository;
  let queries: OrderQueries;

  beforeEach(async () => {
    const world = new OrdersWorld(new InMemoryOrderRepository());
    repo = world.repo;
    queries = new OrderQueries(repo);
    await world.seed(order('o-1', '2026-11-23T10:00:00.000Z'));
    const cancelled = order('o-2', '2026-11-23T11:00:00.000Z');
    cancelled.cancel('why');
    await world.seed(cancelled);
  });

  it('gets a stored order by id', async () => {
    const found = await queries.get('o-1');
    expect(found.snapshot()).toEqual((await repo.findById('o-1'))!.snapshot());
  });

  it('refuses an unknown id with OrderNotFoundError naming it', async () => {
    await expect(queries.get('nope')).rejects.toThrow(new OrderNotFoundError('nope'));
    await expect(queries.get('nope')).rejects.toBeInstanceOf(OrderNotFoundError);
  });

  it('lists a page of orders with the total that match the query', async () => {
    const all = await queries.list({ offset: 0, limit: 10 });
    expect(all.total).toBe(2);
    expect(all.items.map((o) => o.id)).toEqual(['o-2', 'o-1']);
    const pending = await queries.list({ status: OrderStatus.PENDING, offset: 0, limit: 10 });
    expect(pending.total).toBe(1);
    expect(pending.items.map((o) => o.id)).toEqual(['o-1']);
  });
});
