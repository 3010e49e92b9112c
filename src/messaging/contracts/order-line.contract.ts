import { IsInt, IsString, Min, MinLength } from 'class-validator';

export class OrderLineContract {
  @IsString()
  @MinLength(1)
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
