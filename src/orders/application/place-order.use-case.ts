import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { OrderPlaced } from '../../messaging/contracts';
import { newEnvelope } from '../../messaging/envelope/new-envelope';
import { IdempotencyKeyReusedError } from '../domain/idempotency-key-reused.error';
import { Order } from '../domain/order.entity';
import { CatalogPricingService } from './catalog-pricing.service';
import { DuplicateIdempotencyKeyError } from './duplicate-idempotency-key.error';
import { OrderRepository } from './order.repository';

export interface PlaceOrderCommand {
  customerEmail: string;
  items: Array<{ sku: string; quantity: number }>;
  paymentToken: string;
}

@Injectable()
export class PlaceOrderUseCase {
  private readonly logger = new Logger(PlaceOrderUseCase.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly pricing: CatalogPricingService,
  ) {}

  /** Same key and body → the order already placed; same key, other body → conflict. */
  async execute(cmd: PlaceOrderCommand, idempotencyKey?: string): Promise<Order> {
    const requestHash = createHash('sha256').update(JSON.stringify(cmd)).digest('hex');
    if (idempotencyKey) {
      const existing = await this.orders.findByIdempotencyKey(idempotencyKey);
      if (existing) return this.replayed(existing, requestHash);
    }
    const { items, currency } = await this.pricing.price(cmd.items);
    const order = Order.place({
      id: randomUUID(),
      customerEmail: cmd.customerEmail,
      items,
      currency,
      idempotencyKey,
      requestHash,
    });
    const event = newEnvelope(OrderPlaced, {
      orderId: order.id,
      customerEmail: cmd.customerEmail,
      items,
      total: order.total,
      currency,
      paymentToken: cmd.paymentToken,
    });
    try {
      await this.orders.create(order, [event]);
    } catch (error) {
      if (!(error instanceof DuplicateIdempotencyKeyError) || !idempotencyKey) throw error;
      const winner = await this.orders.findByIdempotencyKey(idempotencyKey);
      if (!winner) throw error;
      return this.replayed(winner, requestHash);
    }
    this.logger.log(
      // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
      `Order ${order.id} placed: ${items.length} lines, total ${order.total} ${currency}`,
    );
    return order;
  }

  private replayed(existing: Order, requestHash: string): Order {
    if (existing.snapshot().requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    return existing;
  }
}
