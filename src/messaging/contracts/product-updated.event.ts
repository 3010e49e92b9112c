import { IsInt, IsString, Length, Min, MinLength } from 'class-validator';

/** Published on every price or stock change; feeds other modules' catalog read models. */
export class ProductUpdated {
  static readonly type = 'inventory.product-updated';
  static readonly version = 1;

  @IsString()
  @MinLength(1)
  sku: string;

  @IsString()
  name: string;

  @IsInt()
  @Min(0)
  price: number;

  @Length(3, 3)
  currency: string;

  @IsInt()
  @Min(0)
  available: number;
}
