import { Logger } from '@nestjs/common';
import { Order } from '../domain/order.entity';
import { OrderProcessService } from './order-process.service';
import {
  InterleavingOrderRepository,
  OrdersWorld,
  configWithTimeout,
  placedOrder,
} from './orders.fixtures';
import { PaymentTimeoutPoller, TIMEOUT_BATCH, pollIntervalMs } from './payment-timeout.poller';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const after = (ms: number) => new Date(T0.getTime() + ms);
const items = [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }];

/** An order whose charge was asked for at T0 and falls due `dueIn` ms later. */
function awaitingPayment(id: string, dueIn: number): Order {
  const o = placedOrder(id, items, T0);
  o.stockReserved(dueIn, T0);
  return o;
}

describe('PaymentTimeoutPoller', () => {
  let world: OrdersWorld;
  let process: OrderProcessService;
  let poller: PaymentTimeoutPoller;
  const config = configWithTimeout(1000);

  beforeEach(async () => {
    world = new OrdersWorld(new InterleavingOrderRepository());
    process = new OrderProcessService(world.uow, world.repo, config);
    poller = new PaymentTimeoutPoller(config, world.repo, process);
    for (const o of [awaitingPayment('o-3', 3000), awaitingPayment('o-1', 1000)])
      await world.seed(o);
    await world.seed(awaitingPayment('o-2', 2000));
    await world.seed(placedOrder('o-pending', items, T0));
    await world.published();
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const statuses = async (...ids: string[]) =>
    Promise.all(ids.map(async (id) => (await world.stored(id)).status));

  it.each([
    [600_000, 1000],
    [10_000, 1000],
    [9_990, 999],
    [5_000, 500],
    [1_999, 199],
    [1_000, 100],
    [999, 100],
    [100, 100],
  ])('polls a timeout of %i ms every %i ms', (timeout, every) => {
    expect(pollIntervalMs(timeout)).toBe(every);
  });

  it('times out every order due by now, and none that is not', async () => {
    expect(await poller.poll(after(2000))).toBe(2);
    expect(await statuses('o-1', 'o-2', 'o-3', 'o-pending')).toEqual([
      'CANCELLED',
      'CANCELLED',
      'STOCK_RESERVED',
      'PENDING',
    ]);
    const sent = await world.published();
    expect(sent.map((m) => [m.type, m.payload.orderId])).toEqual([
      ['inventory.release-stock', 'o-1'],
      ['order.cancelled', 'o-1'],
      ['inventory.release-stock', 'o-2'],
      ['order.cancelled', 'o-2'],
    ]);
    expect(sent[0].payload.reason).toBe('Payment timed out');
  });

  it('asks for one batch of due orders at a time', async () => {
    const findDue = jest.spyOn(world.repo, 'findDue');
    await poller.poll(after(500));
    expect(findDue).toHaveBeenCalledWith(after(500), TIMEOUT_BATCH);
    expect(TIMEOUT_BATCH).toBe(100);
  });

  it('goes on with the other orders when one timeout fails', async () => {
    const timeOut = jest.spyOn(process, 'timeOut');
    timeOut.mockRejectedValueOnce(new Error('store hiccup'));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    expect(await poller.poll(after(5000))).toBe(3);
    expect(warn).toHaveBeenCalledWith('Payment timeout of order o-1 failed: store hiccup');
    expect(await statuses('o-1', 'o-2', 'o-3')).toEqual([
      'STOCK_RESERVED',
      'CANCELLED',
      'CANCELLED',
    ]);
    expect(timeOut).toHaveBeenCalledWith('o-1', after(5000));
  });

  it('times out at most once when two replicas poll at the same time', async () => {
    const replica = new PaymentTimeoutPoller(
      config,
      world.repo,
      new OrderProcessService(world.uow, world.repo, config),
    );
    const save = jest.spyOn(world.repo, 'save');
    await Promise.all([poller.poll(after(5000)), replica.poll(after(5000))]);
    // Both replicas changed some order at once; the version check refused one at commit.
    expect(save.mock.calls.length).toBeGreaterThan(3);
    const types = await world.types();
    expect(types.filter((t) => t === 'order.cancelled')).toHaveLength(3);
    expect(types.filter((t) => t === 'inventory.release-stock')).toHaveLength(3);
  });

  it('polls with the current time when given none', async () => {
    expect(await poller.poll()).toBe(3);
  });

  it('runs one pass at a time and never rejects, even when the store fails', async () => {
    const findDue = jest.spyOn(world.repo, 'findDue').mockRejectedValue(new Error('down'));
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const [a, b] = [poller.tick(), poller.tick()];
    expect(b).toBe(a);
    expect(await a).toBe(0);
    expect(warn).toHaveBeenCalledWith('Payment timeouts not checked: down');
    expect(findDue).toHaveBeenCalledTimes(1);
    await poller.tick();
    expect(findDue).toHaveBeenCalledTimes(2);
  });

  it('reports what one pass timed out', async () => {
    jest.spyOn(poller, 'poll').mockResolvedValue(7);
    expect(await poller.tick()).toBe(7);
  });

  it('ticks on its interval from bootstrap, unref-ed, until shutdown', async () => {
    jest.useFakeTimers();
    const tick = jest.spyOn(poller, 'tick').mockResolvedValue(0);
    const unref = jest.spyOn(global, 'setInterval');
    poller.onApplicationBootstrap();
    const timer = unref.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    jest.advanceTimersByTime(99);
    expect(tick).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    jest.advanceTimersByTime(100);
    expect(tick).toHaveBeenCalledTimes(2);
    await poller.beforeApplicationShutdown();
    jest.advanceTimersByTime(1000);
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it('waits for a pass in progress before it shuts down', async () => {
    let finish!: () => void;
    jest
      .spyOn(poller, 'poll')
      .mockReturnValue(new Promise((resolve) => (finish = () => resolve(1))));
    const pass = poller.tick();
    let stopped = false;
    const shutdown = poller.beforeApplicationShutdown().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await shutdown;
    expect(await pass).toBe(1);
  });
});
