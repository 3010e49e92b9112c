import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsSku, SKU_PATTERN } from '../../common/validation/sku.decorator';
import { MAX_QUANTITY_PER_SKU } from '../domain/order-quantities';

export class OrderItemDto {
  @ApiProperty({ description: 'Product SKU', example: 'SKU-MUG', pattern: SKU_PATTERN.source })
  @IsSku()
  sku: string;

  @ApiProperty({
    description: `How many (whole units); at most ${MAX_QUANTITY_PER_SKU} per SKU, repeated lines counted together`,
    example: 2,
    minimum: 1,
    maximum: MAX_QUANTITY_PER_SKU,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY_PER_SKU)
  quantity: number;
}
