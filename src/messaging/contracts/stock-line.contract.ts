import { IsInt, Min } from 'class-validator';
import { IsSku } from '../../common/validation/sku.decorator';

export class StockLineContract {
  @IsSku()
  sku: string;

  @IsInt()
  @Min(1)
  quantity: number;
}
