import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { OrderLineContract } from './order-line.contract';
import { ShortageContract } from './shortage.contract';

export class OrderRejected {
  static readonly type = 'order.rejected';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsEmail()
  customerEmail: string;

  @IsString()
  reason: string;

  @ValidateNested({ each: true })
  @Type(() => ShortageContract)
  shortages: ShortageContract[];

  /** What was ordered, so the email can name the products. Absent in messages from before it. */
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => OrderLineContract)
  items?: OrderLineContract[];
}
