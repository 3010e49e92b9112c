import { IsString, IsUUID } from 'class-validator';

export class PaymentFailed {
  static readonly type = 'payment.failed';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  /** Stable code from the gateway, e.g. card_declined. */
  @IsString()
  code: string;

  @IsString()
  reason: string;
}
