import { IsString, IsUUID } from 'class-validator';

/** Orders asks billing to give back a charge the order no longer needs. Outcome: payment.refunded. */
export class RefundPayment {
  static readonly type = 'billing.refund-payment';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsString()
  reason: string;
}
