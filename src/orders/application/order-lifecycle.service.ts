import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../messaging';
import { Shortage } from '../domain/order-events';
import { OrderStatus } from '../domain/order-status';
import { Order } from '../domain/order.entity';
import { OrderRepository } from './order.repository';

/**
 * Moves orders through their state machine as other modules report back. A report that does
 * not fit the order's state (late, duplicated, out of order) is logged and ignored.
 */
@Injectable()
export class OrderLifecycleService {
  private readonly logger = new Logger(OrderLifecycleService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
  ) {}

  stockReserved(orderId: string): Promise<void> {
    return this.change(orderId, OrderStatus.STOCK_RESERVED, (o) => o.stockReserved());
  }

  stockRejected(orderId: string, reason: string, shortages: Shortage[]): Promise<void> {
    return this.change(orderId, OrderStatus.REJECTED, (o) => o.reject(reason, shortages));
  }

  /** Payment can overtake the reservation report on its separate queue; confirm() allows for it. */
  paymentSucceeded(orderId: string, invoiceNumber: string): Promise<void> {
    return this.change(orderId, OrderStatus.CONFIRMED, (o) => o.confirm(invoiceNumber));
  }

  paymentFailed(orderId: string, reason: string): Promise<void> {
    return this.change(orderId, OrderStatus.CANCELLED, (o) =>
      o.cancel(`Payment declined: ${reason}`),
    );
  }

  stockReleased(orderId: string, reason: string): Promise<void> {
    return this.change(orderId, undefined, (o) => o.stockReleased(reason));
  }

  /** Load, call one method, save; `to` (when the method moves the order) is checked first. */
  private change(orderId: string, to: OrderStatus | undefined, act: (o: Order) => void) {
    return this.uow.run(async (tx) => {
      const order = await this.orders.findById(orderId);
      if (!order) {
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        this.logger.warn(`Ignoring an update for unknown order ${orderId}`);
        return;
      }
      if (to && !this.reachable(order, to)) {
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        this.logger.warn(
          `Ignoring ${order.status} → ${to} for order ${orderId}: not a valid transition`,
        );
        return;
      }
      act(order);
      await this.orders.save(order, tx);
      // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
      this.logger.log(`Order ${orderId} is now ${order.status}`);
    });
  }

  private reachable(order: Order, to: OrderStatus): boolean {
    // A PENDING order is confirmed through STOCK_RESERVED (see confirm()).
    if (to === OrderStatus.CONFIRMED && order.status === OrderStatus.PENDING) return true;
    return order.canMoveTo(to);
  }
}
