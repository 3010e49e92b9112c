import { Counter, Registry } from 'prom-client';
import { OrderCancelled, OrderConfirmed, OrderRejected, PaymentRefunded } from '../contracts';
import type { MessageTap, Published } from '../observability/message-tap';

/** The orders module's note for an order its payment timeout gave up (order-process.ts). */
export const PAYMENT_TIMED_OUT = 'Payment timed out';

const STATUS: Record<string, string> = {
  [OrderConfirmed.type]: 'confirmed',
  [OrderRejected.type]: 'rejected',
  [OrderCancelled.type]: 'cancelled',
};

/**
 * The order process's outcomes, read from the events that announce them: counted where they
 * are published (once per order, whatever the deployment), with no hook in the feature modules.
 * Only the events exchange counts; a replay goes to one queue and announces nothing new.
 */
export class OrderProcessTap implements MessageTap {
  private readonly orders: Counter<'status'>;
  private readonly timeouts: Counter;
  private readonly refunds: Counter;

  constructor(
    registry: Registry,
    private readonly eventsExchange: string,
  ) {
    const registers = [registry];
    this.orders = new Counter({
      name: 'orderflow_orders_total',
      help: 'Orders that reached a final status: confirmed, rejected or cancelled',
      labelNames: ['status'],
      registers,
    });
    this.timeouts = new Counter({
      name: 'orderflow_order_payment_timeouts_total',
      help: 'Orders cancelled because their payment did not settle in time',
      registers,
    });
    this.refunds = new Counter({
      name: 'orderflow_order_refunds_total',
      help: 'Payments refunded, e.g. a charge that succeeded after its order was given up',
      registers,
    });
  }

  published(p: Published): void {
    if (p.outcome !== 'confirmed' || p.exchange !== this.eventsExchange) return;
    const type = p.type ?? p.routingKey;
    if (type === PaymentRefunded.type) return this.refunds.inc();
    const status = STATUS[type];
    if (!status) return;
    this.orders.inc({ status });
    if (type === OrderCancelled.type && reasonOf(p.content) === PAYMENT_TIMED_OUT)
      this.timeouts.inc();
  }
}

function reasonOf(content: Buffer): unknown {
  try {
    return (JSON.parse(content.toString('utf8')) as { payload?: { reason?: unknown } }).payload
      ?.reason;
  } catch {
    return undefined;
  }
}
