import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { OrderLineContract } from './order-line.contract';

export class InvoiceContract {
  @IsString()
  number: string;

  @IsInt()
  @Min(0)
  amount: number;

  @Length(3, 3)
  currency: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLineContract)
  lines: OrderLineContract[];
}

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
