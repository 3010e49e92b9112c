import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class OrderItemDto {
  @ApiProperty({ description: 'Product SKU', example: 'SKU-MUG' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'sku must be 1-64 letters, digits, dots, dashes or underscores',
  })
  sku: string;

  @ApiProperty({ description: 'How many (whole units)', example: 2, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity: number;
}
