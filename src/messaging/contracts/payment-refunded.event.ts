import { IsDateString, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';

export class PaymentRefunded {
  static readonly type = 'payment.refunded';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsString()
  paymentId: string;

  @IsString()
  invoiceNumber: string;

  /** Integer cents: the whole charge. */
  @IsInt()
  @Min(0)
  amount: number;

  @Length(3, 3)
  currency: string;

  @IsString()
  reason: string;

  @IsDateString()
  refundedAt: string;
}
