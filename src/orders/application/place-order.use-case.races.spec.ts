import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { IdempotencyKeyReusedError } from '../domain/idempotency-key-reused.error';
import { InMemoryRequestLog } from '../infrastructure/in-memory-request-log';
import { DuplicateIdempotencyKeyError } from './duplicate-idempotency-key.error';
import { OrdersWorld, RecordingOrderRepository, pricingOf } from './orders.fixtures';
import { PlaceOrderCommand, PlaceOrderUseCase } from './place-order.use-case';

const cmd: PlaceOrderCommand = {
  customerEmail: 'a@b.co',
  items: [
    { sku: 'MUG', quantity: 2 },
    { sku: 'TEE', quantity: 1 },
  ],
  paymentToken: 'tok_visa',
};
const items = [
  { sku: 'MUG', name: 'Mug', quantity: 2, unitPrice: 1250 },
  { sku: 'TEE', name: 'Tee', quantity: 1, unitPrice: 2400 },
];

describe('PlaceOrderUseCase under races and storage failures', () => {
  let world: OrdersWorld<RecordingOrderRepository>;
  let requests: InMemoryRequestLog;
  let placeOrder: PlaceOrderUseCase;

  beforeEach(async () => {
    world = new OrdersWorld(new RecordingOrderRepository());
    requests = new InMemoryRequestLog();
    placeOrder = new PlaceOrderUseCase(world.uow, world.repo, requests, await pricingOf(items));
  });

  const storedCount = async () => (await world.repo.list({ offset: 0, limit: 100 })).total;

  it('makes one order of two racing requests with the same key', async () => {
    const [a, b] = await Promise.all([
      placeOrder.execute(cmd, 'key-1'),
      placeOrder.execute(cmd, 'key-1'),
    ]);
    expect(world.repo.saves).toBe(2);
    expect(b.id).toBe(a.id);
    expect(await storedCount()).toBe(1);
    expect((await requests.find('key-1'))?.orderId).toBe(a.id);
    expect(await world.types()).toEqual(['inventory.reserve-stock']);
  });

  it('refuses the loser of a race whose winner had another body', async () => {
    const results = await Promise.allSettled([
      placeOrder.execute(cmd, 'key-1'),
      placeOrder.execute({ ...cmd, paymentToken: 'x' }, 'key-1'),
    ]);
    expect(world.repo.saves).toBe(2);
    expect(results[0].status).toBe('fulfilled');
    expect(results[1]).toMatchObject({ reason: expect.any(IdempotencyKeyReusedError) });
    expect(await storedCount()).toBe(1);
  });

  it('passes the duplicate-key failure on when the winner cannot be found', async () => {
    const clash = new DuplicateIdempotencyKeyError('key-1');
    jest.spyOn(requests, 'add').mockRejectedValue(clash);
    await expect(placeOrder.execute(cmd, 'key-1')).rejects.toBe(clash);
    expect(await storedCount()).toBe(0);
    expect(await world.published()).toEqual([]);
  });

  it('passes a duplicate-key failure on for a request that carried no key', async () => {
    const find = jest.spyOn(requests, 'find');
    world.repo.saveError = new DuplicateIdempotencyKeyError('key-x');
    await expect(placeOrder.execute(cmd)).rejects.toBe(world.repo.saveError);
    expect(find).not.toHaveBeenCalled();
  });

  it.each([new Error('disk full'), new ConcurrentModificationError('Order', 'o-1')])(
    'passes any other storage failure on (%s), logging no key',
    async (error) => {
      world.repo.saveError = error;
      await expect(placeOrder.execute(cmd, 'key-1')).rejects.toBe(error);
      expect(await requests.find('key-1')).toBeUndefined();
      expect(await world.published()).toEqual([]);
    },
  );
});
