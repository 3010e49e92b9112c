import { OrderStatus } from '../domain/order-status';
import { CancelOrderUseCase } from './cancel-order.use-case';
import { OrderProcessService } from './order-process.service';
import {
  InterleavingOrderRepository,
  OrdersWorld,
  configWithTimeout,
  placedOrder,
} from './orders.fixtures';
import { PaymentTimeoutPoller } from './payment-timeout.poller';

const items = [{ sku: 'A', name: 'A', quantity: 2, unitPrice: 100 }];

/** The two ways an order ended wrong before the order process (issue #11), step by step. */
describe('Order process regressions', () => {
  let world: OrdersWorld;
  let process: OrderProcessService;
  const config = configWithTimeout(60_000);

  beforeEach(() => {
    world = new OrdersWorld(new InterleavingOrderRepository());
    process = new OrderProcessService(world.uow, world.repo, config);
  });

  const stored = async () => (await world.stored('o-1')).snapshot();

  // Was: billing charged once it knew order and reservation, never heard of the cancel, and
  // orders dropped the later payment.succeeded with a WARN: money taken, no goods, no refund.
  it('a cancelled order that is later charged is refunded', async () => {
    await world.seed(placedOrder('o-1', items));
    await process.stockReserved('o-1');
    expect(await world.types()).toEqual(['billing.charge-payment']);

    await new CancelOrderUseCase(world.uow, world.repo).execute('o-1');
    expect(await world.types()).toEqual(['inventory.release-stock', 'order.cancelled']);

    await process.paymentSucceeded('o-1', 'INV-1');
    await process.paymentSucceeded('o-1', 'INV-1');
    const refund = await world.published();
    expect(refund.map((m) => [m.type, m.payload])).toEqual([
      ['billing.refund-payment', { orderId: 'o-1', reason: 'Cancelled by the customer' }],
    ]);
    expect((await world.stored('o-1')).step).toBe('refunding');

    await process.paymentRefunded('o-1', 'Cancelled by the customer');
    await process.stockReleased('o-1', 'Cancelled by the customer');
    const s = await stored();
    expect([s.status, s.payment, s.stock]).toEqual([OrderStatus.CANCELLED, 'refunded', 'released']);
    expect((await world.stored('o-1')).step).toBe('done');
    expect(s.history.map((h) => h.reason)).toContain('Payment refunded: Cancelled by the customer');
    expect(await world.published()).toEqual([]);
  });

  // Was: the charge was retried, then parked, and the order stayed STOCK_RESERVED for ever, its
  // stock held and no email sent.
  it('a transient payment failure ends in CANCELLED by timeout with stock released', async () => {
    await world.seed(placedOrder('o-1', items, undefined, 'tok_processingError'));
    await process.stockReserved('o-1');
    const [charge] = await world.published();
    expect(charge.payload.paymentToken).toBe('tok_processingError');
    // Billing never answers: every attempt fails transiently and the command is parked.
    const poller = new PaymentTimeoutPoller(config, world.repo, process);
    const due = (await stored()).paymentDueAt!;
    expect(await poller.poll(new Date(due.getTime() - 1))).toBe(0);

    expect(await poller.poll(due)).toBe(1);
    const sent = await world.published();
    expect(sent.map((m) => [m.type, m.payload.reason])).toEqual([
      ['inventory.release-stock', 'Payment timed out'],
      ['order.cancelled', 'Payment timed out'],
    ]);
    expect(await poller.poll(new Date(due.getTime() + 60_000))).toBe(0);

    await process.stockReleased('o-1', 'Payment timed out');
    const s = await stored();
    expect([s.status, s.stock, s.paymentDueAt]).toEqual([
      OrderStatus.CANCELLED,
      'released',
      undefined,
    ]);
    expect((await world.stored('o-1')).step).toBe('done');
    expect(await world.published()).toEqual([]);
  });
});
