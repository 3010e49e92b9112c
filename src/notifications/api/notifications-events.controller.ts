import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnEvent, OrderCancelled, OrderConfirmed, OrderRejected } from '../../messaging';
import { AppConfig } from '../../common/config/app-config';
import { EmailContents, ShopIdentity } from '../application/email-content';
import { SendOrderEmailUseCase } from '../application/send-order-email.use-case';

const ME = 'notifications';
/** An SMTP server may take minutes to answer (nodemailer waits up to 10 min on a socket). */
const SLOW = { consumerTimeoutMs: 15 * 60_000 };

@Controller()
export class NotificationsEventsController {
  private readonly shop: ShopIdentity;

  constructor(
    private readonly sendEmail: SendOrderEmailUseCase,
    config: AppConfig,
  ) {
    this.shop = { name: config.shopName, supportEmail: config.supportEmail };
  }

  @OnEvent(OrderConfirmed, ME, SLOW)
  onConfirmed(@Payload() e: OrderConfirmed): Promise<void> {
    return this.sendEmail.execute(EmailContents.confirmed(e, this.shop));
  }

  @OnEvent(OrderRejected, ME, SLOW)
  onRejected(@Payload() e: OrderRejected): Promise<void> {
    return this.sendEmail.execute(EmailContents.rejected(e, this.shop));
  }

  @OnEvent(OrderCancelled, ME, SLOW)
  onCancelled(@Payload() e: OrderCancelled): Promise<void> {
    return this.sendEmail.execute(EmailContents.cancelled(e, this.shop));
  }
}
