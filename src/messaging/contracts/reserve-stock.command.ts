import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsUUID, ValidateNested } from 'class-validator';
import { StockLineContract } from './stock-line.contract';

/** Orders asks inventory to hold every line or none. Outcome: inventory.reserved or .rejected. */
export class ReserveStock {
  static readonly type = 'inventory.reserve-stock';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => StockLineContract)
  items: StockLineContract[];
}
