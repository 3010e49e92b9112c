import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InventoryReserved, OnEvent, OrderPlaced } from '../../messaging';
import { PaymentUseCases } from '../application/payment.use-cases';

const ME = 'billing';

@Controller()
export class BillingEventsController {
  constructor(private readonly payments: PaymentUseCases) {}

  @OnEvent(OrderPlaced, ME)
  onOrderPlaced(@Payload() e: OrderPlaced): Promise<void> {
    return this.payments.orderPlaced(e);
  }

  @OnEvent(InventoryReserved, ME)
  onStockReserved(@Payload() e: InventoryReserved): Promise<void> {
    return this.payments.stockReserved(e.orderId);
  }
}
