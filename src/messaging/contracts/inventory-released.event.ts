import { Type } from 'class-transformer';
import { IsString, IsUUID, ValidateNested } from 'class-validator';
import { StockLineContract } from './stock-line.contract';

export class InventoryReleased {
  static readonly type = 'inventory.released';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsString()
  reason: string;

  @ValidateNested({ each: true })
  @Type(() => StockLineContract)
  items: StockLineContract[];
}
