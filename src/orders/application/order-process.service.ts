import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { UnitOfWork } from '../../messaging';
import { Shortage } from '../domain/order-events';
import { Order } from '../domain/order.entity';
import { OrderRepository } from './order.repository';

/**
 * Feeds each module's answer, and the payment clock, to the order's process. What an answer does
 * is decided by the order alone; one that changes nothing (a duplicate, one overtaken by a later
 * decision, an order this module does not know) is logged and stored nowhere.
 */
@Injectable()
export class OrderProcessService {
  private readonly logger = new Logger(OrderProcessService.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly config: AppConfig,
  ) {}

  stockReserved(orderId: string): Promise<void> {
    return this.advance(orderId, 'inventory.reserved', (o) =>
      o.stockReserved(this.config.paymentTimeoutMs),
    );
  }

  stockRejected(orderId: string, reason: string, shortages: Shortage[]): Promise<void> {
    return this.advance(orderId, 'inventory.rejected', (o) => o.stockRejected(reason, shortages));
  }

  stockReleased(orderId: string, reason: string): Promise<void> {
    return this.advance(orderId, 'inventory.released', (o) => o.stockReleased(reason));
  }

  paymentSucceeded(orderId: string, invoiceNumber: string): Promise<void> {
    return this.advance(orderId, 'payment.succeeded', (o) => o.paymentSucceeded(invoiceNumber));
  }

  paymentFailed(orderId: string, reason: string): Promise<void> {
    return this.advance(orderId, 'payment.failed', (o) => o.paymentFailed(reason));
  }

  paymentRefunded(orderId: string, reason: string): Promise<void> {
    return this.advance(orderId, 'payment.refunded', (o) => o.paymentRefunded(reason));
  }

  /** The poller's call; the order's version check lets only one replica's timeout commit. */
  timeOut(orderId: string, now = new Date()): Promise<void> {
    return this.advance(orderId, 'the payment timeout', (o) => o.timeOut(now));
  }

  /** Load, let the order decide, save only what changed; all inside one unit of work. */
  private advance(orderId: string, what: string, act: (o: Order) => boolean): Promise<void> {
    return this.uow.run(async (tx) => {
      const order = await this.orders.findById(orderId);
      if (!order) {
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        this.logger.warn(`Ignoring ${what} for unknown order ${orderId}`);
        return;
      }
      if (!act(order)) {
        // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
        this.logger.log(`Order ${orderId} ignores ${what}: nothing left to do (${order.step})`);
        return;
      }
      await this.orders.save(order, tx);
      // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
      this.logger.log(`Order ${orderId} after ${what}: ${order.status}, ${order.step}`);
    });
  }
}
