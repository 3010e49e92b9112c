import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { CorrelationContext } from '../../common/correlation/correlation.context';
import { formatMoney } from '../../common/money/format-money';
import { UnitOfWork } from '../../messaging';
import { IdempotencyKeyReusedError } from '../domain/idempotency-key-reused.error';
import { OrderNotFoundError } from '../domain/order-not-found.error';
import { Order } from '../domain/order.entity';
import { CatalogPricingService } from './catalog-pricing.service';
import { DuplicateIdempotencyKeyError } from './duplicate-idempotency-key.error';
import { OrderRepository } from './order.repository';
import { LoggedRequest, RequestLog } from './request-log';

/** How long a client may retry a POST with the same key and get the same order back. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;

export interface PlaceOrderCommand {
  customerEmail: string;
  items: Array<{ sku: string; quantity: number }>;
  paymentToken: string;
}

@Injectable()
export class PlaceOrderUseCase {
  private readonly logger = new Logger(PlaceOrderUseCase.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly orders: OrderRepository,
    private readonly requests: RequestLog,
    private readonly pricing: CatalogPricingService,
  ) {}

  /** Same key and body → the order already placed; same key, other body → conflict. */
  async execute(cmd: PlaceOrderCommand, idempotencyKey?: string): Promise<Order> {
    const requestHash = createHash('sha256').update(JSON.stringify(cmd)).digest('hex');
    if (idempotencyKey) {
      const logged = await this.requests.find(idempotencyKey);
      if (logged) return this.replayed(logged, requestHash);
    }
    const { items, currency } = await this.pricing.price(cmd.items);
    const order = Order.place(
      { id: randomUUID(), customerEmail: cmd.customerEmail, items, currency },
      cmd.paymentToken,
    );
    const expiresAt = new Date(Date.now() + IDEMPOTENCY_KEY_TTL_MS);
    try {
      await this.uow.run(async (tx) => {
        await this.orders.save(order, tx);
        if (idempotencyKey)
          await this.requests.add(
            { key: idempotencyKey, requestHash, orderId: order.id, expiresAt },
            tx,
          );
      });
    } catch (error) {
      if (!(error instanceof DuplicateIdempotencyKeyError) || !idempotencyKey) throw error;
      // Another request with this key committed first: answer as its replay.
      const winner = await this.requests.find(idempotencyKey);
      if (!winner) throw error;
      return this.replayed(winner, requestHash);
    }
    CorrelationContext.setOrderId(order.id);
    this.logger.log(
      // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
      `Order ${order.id} placed: ${items.length} lines, total ${formatMoney(order.total, currency)}`,
    );
    return order;
  }

  private async replayed(logged: LoggedRequest, requestHash: string): Promise<Order> {
    if (logged.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    const order = await this.orders.findById(logged.orderId);
    if (!order) throw new OrderNotFoundError(logged.orderId);
    return order;
  }
}
