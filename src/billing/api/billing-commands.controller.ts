import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ChargePayment, OnCommand, RefundPayment } from '../../messaging';
import { PaymentUseCases } from '../application/payment.use-cases';

const ME = 'billing';

/** Billing acts only when orders tells it to: it no longer follows the order's progress itself. */
@Controller()
export class BillingCommandsController {
  constructor(private readonly payments: PaymentUseCases) {}

  @OnCommand(ChargePayment, ME)
  charge(@Payload() c: ChargePayment): Promise<void> {
    return this.payments.charge(c);
  }

  @OnCommand(RefundPayment, ME)
  refund(@Payload() c: RefundPayment): Promise<void> {
    return this.payments.refund(c);
  }
}
