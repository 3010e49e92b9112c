import { Type } from 'class-transformer';
import { IsString, IsUUID, ValidateNested } from 'class-validator';
import { InvoiceContract } from './invoice.contract';

export class PaymentSucceeded {
  static readonly type = 'payment.succeeded';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsString()
  paymentId: string;

  @ValidateNested()
  @Type(() => InvoiceContract)
  invoice: InvoiceContract;
}
