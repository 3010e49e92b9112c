import { Type } from 'class-transformer';
import { IsEmail, IsString, IsUUID, ValidateNested } from 'class-validator';
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
}
