import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../messaging';
import { OrderNotFoundError } from '../domain/order-not-found.error';
import { Order } from '../domain/order.entity';
import { OrderRepository } from './order.repository';

export const CUSTOMER_CANCEL_REASON = 'Cancelled by the customer';

@Injectable()
export class CancelOrderUseCase {
  private readonly logger = new Logger(CancelOrderUseCase.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
  ) {}

  async execute(orderId: string): Promise<Order> {
    const order = await this.uow.run(async (tx) => {
      const o = await this.orders.findById(orderId);
      if (!o) throw new OrderNotFoundError(orderId);
      o.cancel(CUSTOMER_CANCEL_REASON);
      await this.orders.save(o, tx);
      return o;
    });
    // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
    this.logger.log(`Order ${orderId} cancelled by the customer`);
    return order;
  }
}
