import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnEvent, OrderCancelled, OrderConfirmed, OrderRejected } from '../../messaging';
import { EmailContents } from '../application/email-content';
import { SendOrderEmailUseCase } from '../application/send-order-email.use-case';

const ME = 'notifications';

@Controller()
export class NotificationsEventsController {
  constructor(private readonly sendEmail: SendOrderEmailUseCase) {}

  @OnEvent(OrderConfirmed, ME)
  onConfirmed(@Payload() e: OrderConfirmed): Promise<void> {
    return this.sendEmail.execute(EmailContents.confirmed(e));
  }

  @OnEvent(OrderRejected, ME)
  onRejected(@Payload() e: OrderRejected): Promise<void> {
    return this.sendEmail.execute(EmailContents.rejected(e));
  }

  @OnEvent(OrderCancelled, ME)
  onCancelled(@Payload() e: OrderCancelled): Promise<void> {
    return this.sendEmail.execute(EmailContents.cancelled(e));
  }
}
