import { Injectable } from '@nestjs/common';
import { OrderNotFoundError } from '../domain/order-not-found.error';
import { Order } from '../domain/order.entity';
import { OrderListQuery, OrderRepository } from './order.repository';

@Injectable()
export class OrderQueries {
  constructor(private readonly orders: OrderRepository) {}

  async get(id: string): Promise<Order> {
    const order = await this.orders.findById(id);
    if (!order) throw new OrderNotFoundError(id);
    return order;
  }

  list(query: OrderListQuery): Promise<{ items: Order[]; total: number }> {
    return this.orders.list(query);
  }
}
