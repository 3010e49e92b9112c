import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { OrderLineContract } from './order-line.contract';

export class OrderCancelled {
  static readonly type = 'order.cancelled';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsEmail()
  customerEmail: string;

  @IsString()
  reason: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLineContract)
  items: OrderLineContract[];

  @IsInt()
  @Min(0)
  total: number;

  @Length(3, 3)
  currency: string;
}
