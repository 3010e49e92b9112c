import { IsInt, IsString, Min } from 'class-validator';
import { IsSku } from '../../common/validation/sku.decorator';

export class OrderLineContract {
  @IsSku()
  sku: string;

  @IsString()
  name: string;

  @IsInt()
  @Min(1)
  quantity: number;

  /** Integer cents. */
  @IsInt()
  @Min(0)
  unitPrice: number;
}
