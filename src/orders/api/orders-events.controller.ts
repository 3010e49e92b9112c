import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  EventContext,
  InventoryRejected,
  InventoryReleased,
  InventoryReserved,
  OnEvent,
  PaymentFailed,
  PaymentSucceeded,
  ProductUpdated,
} from '../../messaging';
import { CatalogSync } from '../application/catalog-sync.service';
import { OrderLifecycleService } from '../application/order-lifecycle.service';

const ME = 'orders';

/** Thin: each handler maps a validated event onto one use-case call. */
@Controller()
export class OrdersEventsController {
  constructor(
    private readonly lifecycle: OrderLifecycleService,
    private readonly catalog: CatalogSync,
  ) {}

  @OnEvent(InventoryReserved, ME)
  onStockReserved(@Payload() e: InventoryReserved): Promise<void> {
    return this.lifecycle.stockReserved(e.orderId);
  }

  @OnEvent(InventoryRejected, ME)
  onStockRejected(@Payload() e: InventoryRejected): Promise<void> {
    return this.lifecycle.stockRejected(e.orderId, e.reason, e.shortages);
  }

  @OnEvent(InventoryReleased, ME)
  onStockReleased(@Payload() e: InventoryReleased): Promise<void> {
    return this.lifecycle.stockReleased(e.orderId, e.reason);
  }

  @OnEvent(PaymentSucceeded, ME)
  onPaymentSucceeded(@Payload() e: PaymentSucceeded): Promise<void> {
    return this.lifecycle.paymentSucceeded(e.orderId, e.invoice.number);
  }

  @OnEvent(PaymentFailed, ME)
  onPaymentFailed(@Payload() e: PaymentFailed): Promise<void> {
    return this.lifecycle.paymentFailed(e.orderId, e.reason);
  }

  @OnEvent(ProductUpdated, ME, { broadcast: true })
  onProductUpdated(@Payload() e: ProductUpdated, @Ctx() ctx: EventContext): Promise<void> {
    return this.catalog.apply({ ...e, asOf: new Date(ctx.envelope.occurredAt) });
  }
}
