import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  EventContext,
  InventoryRejected,
  InventoryReleased,
  InventoryReserved,
  OnEvent,
  PaymentFailed,
  PaymentRefunded,
  PaymentSucceeded,
  ProductUpdated,
} from '../../messaging';
import { CatalogSync } from '../application/catalog-sync.service';
import { OrderProcessService } from '../application/order-process.service';

const ME = 'orders';

/** Thin: each handler hands one validated outcome to the order's process. */
@Controller()
export class OrdersEventsController {
  constructor(
    private readonly process: OrderProcessService,
    private readonly catalog: CatalogSync,
  ) {}

  @OnEvent(InventoryReserved, ME)
  onStockReserved(@Payload() e: InventoryReserved): Promise<void> {
    return this.process.stockReserved(e.orderId);
  }

  @OnEvent(InventoryRejected, ME)
  onStockRejected(@Payload() e: InventoryRejected): Promise<void> {
    return this.process.stockRejected(e.orderId, e.reason, e.shortages);
  }

  @OnEvent(InventoryReleased, ME)
  onStockReleased(@Payload() e: InventoryReleased): Promise<void> {
    return this.process.stockReleased(e.orderId, e.reason);
  }

  @OnEvent(PaymentSucceeded, ME)
  onPaymentSucceeded(@Payload() e: PaymentSucceeded): Promise<void> {
    return this.process.paymentSucceeded(e.orderId, e.invoice.number);
  }

  @OnEvent(PaymentFailed, ME)
  onPaymentFailed(@Payload() e: PaymentFailed): Promise<void> {
    return this.process.paymentFailed(e.orderId, e.reason);
  }

  @OnEvent(PaymentRefunded, ME)
  onPaymentRefunded(@Payload() e: PaymentRefunded): Promise<void> {
    return this.process.paymentRefunded(e.orderId, e.reason);
  }

  @OnEvent(ProductUpdated, ME, { broadcast: true })
  onProductUpdated(@Payload() e: ProductUpdated, @Ctx() ctx: EventContext): Promise<void> {
    return this.catalog.apply({ ...e, asOf: new Date(ctx.envelope.occurredAt) });
  }
}
