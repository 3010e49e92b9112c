import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsUUID, ValidateNested } from 'class-validator';
import { StockLineContract } from './stock-line.contract';

export class InventoryReserved {
  static readonly type = 'inventory.reserved';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => StockLineContract)
  items: StockLineContract[];
}
