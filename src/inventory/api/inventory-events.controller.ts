import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CatalogLookupReply,
  CatalogLookupRequest,
  OnEvent,
  OnRequest,
  OrderCancelled,
  OrderConfirmed,
  OrderPlaced,
  PaymentFailed,
} from '../../messaging';
import { CatalogUseCases } from '../application/catalog.use-cases';
import { StockUseCases } from '../application/stock.use-cases';

const ME = 'inventory';

@Controller()
export class InventoryEventsController {
  constructor(
    private readonly stock: StockUseCases,
    private readonly catalog: CatalogUseCases,
  ) {}

  @OnEvent(OrderPlaced, ME)
  onOrderPlaced(@Payload() e: OrderPlaced): Promise<void> {
    return this.stock.reserve(e.orderId, e.items);
  }

  @OnEvent(PaymentFailed, ME)
  onPaymentFailed(@Payload() e: PaymentFailed): Promise<void> {
    return this.stock.release(e.orderId, `payment failed: ${e.reason}`, false);
  }

  @OnEvent(OrderCancelled, ME)
  onOrderCancelled(@Payload() e: OrderCancelled): Promise<void> {
    return this.stock.release(e.orderId, e.reason, true);
  }

  @OnEvent(OrderConfirmed, ME)
  onOrderConfirmed(@Payload() e: OrderConfirmed): Promise<void> {
    return this.stock.commit(e.orderId);
  }

  @OnRequest(CatalogLookupRequest.routingKey, CatalogLookupRequest)
  lookup(@Payload() req: CatalogLookupRequest): Promise<CatalogLookupReply> {
    return this.catalog.lookup(req.skus);
  }
}
