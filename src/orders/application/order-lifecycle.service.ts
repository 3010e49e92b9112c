import { Injectable, Logger } from '@nestjs/common';
import { retryOnConflict } from '../../common/errors/retry-on-conflict';
import { ShortageContract } from '../../messaging/contracts';
import { OrderStatus } from '../domain/order-status';
import { Order } from '../domain/order.entity';
import { OrderEvents } from './order-events';
import { OrderRepository, OutgoingEvents } from './order.repository';

/**
 * Moves orders through their state machine as other modules report back. A report that does
 * not fit the order's state (late, duplicated, out of order) is logged and ignored.
 */
@Injectable()
export class OrderLifecycleService {
  private readonly logger = new Logger(OrderLifecycleService.name);

  constructor(private readonly orders: OrderRepository) {}

  stockReserved(orderId: string): Promise<void> {
    return this.advance(orderId, OrderStatus.STOCK_RESERVED, (o) => {
      o.transition(OrderStatus.STOCK_RESERVED, 'Stock reserved');
      return [];
    });
  }

  stockRejected(orderId: string, reason: string, shortages: ShortageContract[]): Promise<void> {
    return this.advance(orderId, OrderStatus.REJECTED, (o) => {
      o.transition(OrderStatus.REJECTED, reason);
      return [OrderEvents.rejected(o, reason, shortages)];
    });
  }

  /**
   * Events travel on separate queues, so payment can overtake the reservation report. A
   * payment is only taken after stock was reserved, so it implies that step.
   */
  paymentSucceeded(orderId: string, invoiceNumber: string): Promise<void> {
    return this.change(orderId, (o) => {
      if (o.status === OrderStatus.PENDING)
        o.transition(OrderStatus.STOCK_RESERVED, 'Stock reserved (reported by payment)');
      if (!o.canMoveTo(OrderStatus.CONFIRMED)) {
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        this.logger.warn(`Ignoring payment for order ${orderId}: it is already ${o.status}`);
        return undefined;
      }
      o.confirm(invoiceNumber);
      return [OrderEvents.confirmed(o)];
    });
  }

  paymentFailed(orderId: string, reason: string): Promise<void> {
    const why = `Payment declined: ${reason}`;
    return this.advance(orderId, OrderStatus.CANCELLED, (o) => {
      o.transition(OrderStatus.CANCELLED, why);
      return [OrderEvents.cancelled(o, why)];
    });
  }

  stockReleased(orderId: string, reason: string): Promise<void> {
    return this.change(orderId, (o) => {
      o.note(`Stock released: ${reason}`);
      return [];
    });
  }

  private advance(
    orderId: string,
    to: OrderStatus,
    apply: (o: Order) => OutgoingEvents,
  ): Promise<void> {
    return this.change(orderId, (o) => {
      if (!o.canMoveTo(to)) {
        this.logger.warn(
          // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
          `Ignoring ${o.status} → ${to} for order ${orderId}: not a valid transition`,
        );
        return undefined;
      }
      return apply(o);
    });
  }

  private change(orderId: string, apply: (o: Order) => OutgoingEvents | undefined): Promise<void> {
    return retryOnConflict(async () => {
      const order = await this.orders.findById(orderId);
      if (!order) {
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        this.logger.warn(`Ignoring an update for unknown order ${orderId}`);
        return;
      }
      const expected = order.version;
      const events = apply(order);
      if (events === undefined) return;
      await this.orders.update(order, expected, events);
      // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
      this.logger.log(`Order ${orderId} is now ${order.status}`);
    });
  }
}
