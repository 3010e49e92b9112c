import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NoControlChars } from '../../common/validation/no-control-chars.decorator';

/** Far above any real catalog, and well inside Number.MAX_SAFE_INTEGER once multiplied out. */
const MAX_PRICE_CENTS = 100_000_000;
const MAX_STOCK = 1_000_000_000;

/** Give all three fields to create a product that does not exist yet. */
export class UpdateProductDto {
  @ApiPropertyOptional({ example: 'Enamel mug, blue', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NoControlChars()
  name?: string;

  @ApiPropertyOptional({
    description: 'Integer cents',
    example: 1350,
    minimum: 0,
    maximum: MAX_PRICE_CENTS,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_CENTS)
  price?: number;

  @ApiPropertyOptional({
    description: 'Units on hand (available + reserved)',
    example: 600,
    minimum: 0,
    maximum: MAX_STOCK,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STOCK)
  stock?: number;
}
