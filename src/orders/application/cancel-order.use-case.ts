import { Injectable, Logger } from '@nestjs/common';
import { retryOnConflict } from '../../common/errors/retry-on-conflict';
import { OrderAlreadyFinalError } from '../domain/order-already-final.error';
import { OrderNotFoundError } from '../domain/order-not-found.error';
import { OrderStatus } from '../domain/order-status';
import { Order } from '../domain/order.entity';
import { OrderEvents } from './order-events';
import { OrderRepository } from './order.repository';

export const CUSTOMER_CANCEL_REASON = 'Cancelled by the customer';

@Injectable()
export class CancelOrderUseCase {
  private readonly logger = new Logger(CancelOrderUseCase.name);

  constructor(private readonly orders: OrderRepository) {}

  execute(orderId: string): Promise<Order> {
    return retryOnConflict(async () => {
      const order = await this.orders.findById(orderId);
      if (!order) throw new OrderNotFoundError(orderId);
      if (order.isFinal) throw new OrderAlreadyFinalError(orderId, order.status);
      const expected = order.version;
      order.transition(OrderStatus.CANCELLED, CUSTOMER_CANCEL_REASON);
      await this.orders.update(order, expected, [
        OrderEvents.cancelled(order, CUSTOMER_CANCEL_REASON),
      ]);
      // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
      this.logger.log(`Order ${orderId} cancelled by the customer`);
      return order;
    });
  }
}
