import { ApiProperty } from '@nestjs/swagger';

export class OrderLineView {
  @ApiProperty({ example: 'SKU-MUG' }) sku: string;
  @ApiProperty({ example: 'Enamel mug' }) name: string;
  @ApiProperty({ example: 2 }) quantity: number;
  @ApiProperty({ description: 'Integer cents', example: 1250 }) unitPrice: number;
}
