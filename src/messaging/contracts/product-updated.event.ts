import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { NoControlChars } from '../../common/validation/no-control-chars.decorator';
import { IsSku } from '../../common/validation/sku.decorator';

/** Published on every price or stock change; feeds other modules' catalog read models. */
export class ProductUpdated {
  static readonly type = 'inventory.product-updated';
  static readonly version = 1;

  @IsSku()
  sku: string;

  @IsString()
  @MaxLength(200)
  @NoControlChars()
  name: string;

  /** Integer cents. */
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  price: number;

  /** ISO 4217; whether it is the one a module sells in is that module's rule. */
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency: string;

  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  available: number;
}
