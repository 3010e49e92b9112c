import { Logger } from '@nestjs/common';
import { OrderStatus } from '../domain/order-status';
import { OrderProcessService } from './order-process.service';
import {
  InterleavingOrderRepository,
  LATER,
  OrdersWorld,
  Step,
  TIMEOUT_MS,
  configWithTimeout,
  placedOrder,
} from './orders.fixtures';

const items = [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 100 }];

describe('OrderProcessService: each answer through the unit of work', () => {
  afterEach(() => jest.restoreAllMocks());

  let world: OrdersWorld;
  let process: OrderProcessService;

  beforeEach(async () => {
    world = new OrdersWorld(new InterleavingOrderRepository());
    process = new OrderProcessService(world.uow, world.repo, configWithTimeout());
    await world.seed(placedOrder('o-1', items));
  });

  const stored = async () => (await world.stored('o-1')).snapshot();
  const at = async (...steps: Step[]) => {
    await world.move('o-1', ...steps);
    await world.published();
  };

  it('on inventory.reserved charges with the token, due after the configured timeout', async () => {
    const before = Date.now();
    await process.stockReserved('o-1');
    const after = Date.now();
    const s = await stored();
    expect(s.status).toBe(OrderStatus.STOCK_RESERVED);
    expect(s.paymentDueAt!.getTime()).toBeGreaterThanOrEqual(before + TIMEOUT_MS);
    expect(s.paymentDueAt!.getTime()).toBeLessThanOrEqual(after + TIMEOUT_MS);
    expect(s.paymentToken).toBeUndefined();
    const [charge, ...rest] = await world.published();
    expect(rest).toEqual([]);
    expect(charge).toMatchObject({ type: 'billing.charge-payment', kind: 'command' });
    expect(charge.payload).toStrictEqual({
      orderId: 'o-1',
      customerEmail: 'a@b.co',
      items,
      amount: 100,
      currency: 'EUR',
      paymentToken: 'tok_visa',
    });
  });

  it('on inventory.rejected rejects and announces order.rejected with the shortages', async () => {
    const shortages = [{ sku: 'A', requested: 1, available: 0 }];
    await process.stockRejected('o-1', 'Not enough stock', shortages);
    expect((await stored()).status).toBe(OrderStatus.REJECTED);
    const [rejected, ...rest] = await world.published();
    expect(rest).toEqual([]);
    expect(rejected.type).toBe('order.rejected');
    expect(rejected.payload).toMatchObject({ reason: 'Not enough stock', shortages });
  });

  it('on payment.succeeded confirms, commits the stock and announces order.confirmed', async () => {
    await at('reserve');
    await process.paymentSucceeded('o-1', 'INV-1');
    expect((await stored()).invoiceNumber).toBe('INV-1');
    expect(await world.types()).toEqual(['inventory.commit-stock', 'order.confirmed']);
  });

  it('on payment.failed cancels, releases the stock and announces order.cancelled', async () => {
    await at('reserve');
    await process.paymentFailed('o-1', 'card_declined');
    const [release, cancelled] = await world.published();
    expect(release.type).toBe('inventory.release-stock');
    expect(release.payload).toStrictEqual({
      orderId: 'o-1',
      reason: 'Payment declined: card_declined',
    });
    expect(cancelled.type).toBe('order.cancelled');
  });

  it('on payment.refunded and inventory.released notes them, sending nothing', async () => {
    await at('reserve', 'cancel', 'pay');
    await process.paymentRefunded('o-1', 'Cancelled elsewhere');
    await process.stockReleased('o-1', 'Cancelled elsewhere');
    const s = await stored();
    expect(s.history.slice(-2).map((h) => h.reason)).toEqual([
      'Payment refunded: Cancelled elsewhere',
      'Stock released: Cancelled elsewhere',
    ]);
    expect([s.payment, s.stock]).toEqual(['refunded', 'released']);
    expect(await world.published()).toEqual([]);
  });

  it('times out only once the due time has come, then releases and cancels', async () => {
    await at('reserve');
    const due = (await stored()).paymentDueAt!;
    await process.timeOut('o-1', new Date(due.getTime() - 1));
    expect((await stored()).status).toBe(OrderStatus.STOCK_RESERVED);
    await process.timeOut('o-1', due);
    expect((await stored()).history.at(-1)?.reason).toBe('Payment timed out');
    expect(await world.types()).toEqual(['inventory.release-stock', 'order.cancelled']);
  });

  it('times out with the current time when given none', async () => {
    process = new OrderProcessService(world.uow, world.repo, configWithTimeout(0));
    await process.stockReserved('o-1');
    await process.timeOut('o-1');
    expect((await stored()).status).toBe(OrderStatus.CANCELLED);
  });

  it('stores and sends nothing for an answer that changes nothing', async () => {
    await at('reserve', 'pay');
    const before = await stored();
    const save = jest.spyOn(world.repo, 'save');
    await process.stockReserved('o-1');
    await process.paymentSucceeded('o-1', 'INV-1');
    await process.paymentFailed('o-1', 'late');
    await process.timeOut('o-1', LATER);
    expect(save).not.toHaveBeenCalled();
    expect(await stored()).toStrictEqual(before);
    expect(await world.published()).toEqual([]);
  });

  const answers: Array<[string, (p: OrderProcessService, id: string) => Promise<void>]> = [
    ['inventory.reserved', (p, id) => p.stockReserved(id)],
    ['inventory.rejected', (p, id) => p.stockRejected(id, 'none', [])],
    ['inventory.released', (p, id) => p.stockReleased(id, 'why')],
    ['payment.succeeded', (p, id) => p.paymentSucceeded(id, 'INV-1')],
    ['payment.failed', (p, id) => p.paymentFailed(id, 'no')],
    ['payment.refunded', (p, id) => p.paymentRefunded(id, 'why')],
    ['the payment timeout', (p, id) => p.timeOut(id, LATER)],
  ];

  it.each(answers)('logs what it ignores, naming %s', async (what, answer) => {
    const log = jest.spyOn(Logger.prototype, 'log');
    const warn = jest.spyOn(Logger.prototype, 'warn');
    await at('reserve', 'pay');
    await answer(process, 'nope');
    await answer(process, 'o-1');
    expect(warn).toHaveBeenCalledWith(`Ignoring ${what} for unknown order nope`);
    expect(log).toHaveBeenCalledWith(`Order o-1 ignores ${what}: nothing left to do (done)`);
  });

  it('ignores answers for orders it does not know, storing and sending nothing', async () => {
    await expect(process.paymentSucceeded('nope', 'INV-9')).resolves.toBeUndefined();
    await expect(process.timeOut('nope', LATER)).resolves.toBeUndefined();
    expect(await world.repo.findById('nope')).toBeUndefined();
    expect(await world.published()).toEqual([]);
  });

  it('re-decides on the fresh order when the customer cancelled meanwhile: releases', async () => {
    world.repo.interleave = () => world.move('o-1', 'cancel');
    await process.stockReserved('o-1');
    const s = await stored();
    expect([s.status, s.stock, s.version]).toEqual([OrderStatus.CANCELLED, 'release-requested', 3]);
    expect(await world.types()).toEqual(['order.cancelled', 'inventory.release-stock']);
  });

  it('re-decides on the fresh order when it timed out meanwhile: refunds the charge', async () => {
    await at('reserve');
    world.repo.interleave = () => world.move('o-1', 'timeout');
    await process.paymentSucceeded('o-1', 'INV-1');
    const s = await stored();
    expect([s.status, s.payment, s.invoiceNumber]).toEqual([
      OrderStatus.CANCELLED,
      'refund-requested',
      undefined,
    ]);
    const sent = await world.published();
    expect(sent.map((m) => m.type)).toEqual([
      'inventory.release-stock',
      'order.cancelled',
      'billing.refund-payment',
    ]);
    expect(sent[2].payload).toStrictEqual({ orderId: 'o-1', reason: 'Payment timed out' });
  });
});
