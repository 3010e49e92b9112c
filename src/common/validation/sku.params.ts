import { ApiProperty } from '@nestjs/swagger';
import { IsSku, SKU_PATTERN } from './sku.decorator';

/**
 * A `:sku` path parameter. A DTO rather than a pipe, so a bad SKU in the path is refused by the
 * same validation, with the same field errors, as a bad SKU in a body.
 */
export class SkuParams {
  @ApiProperty({ description: 'Product SKU', example: 'SKU-MUG', pattern: SKU_PATTERN.source })
  @IsSku()
  sku: string;
}
