import { Type } from 'class-transformer';
import { IsString, IsUUID, ValidateNested } from 'class-validator';
import { ShortageContract } from './shortage.contract';

export class InventoryRejected {
  static readonly type = 'inventory.rejected';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsString()
  reason: string;

  @ValidateNested({ each: true })
  @Type(() => ShortageContract)
  shortages: ShortageContract[];
}
