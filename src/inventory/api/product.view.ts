import { ApiProperty } from '@nestjs/swagger';
import { ProductProps } from '../domain/product.entity';

export class ProductView {
  @ApiProperty({ example: 'SKU-MUG' }) sku: string;
  @ApiProperty({ example: 'Enamel mug' }) name: string;
  @ApiProperty({ description: 'Integer cents', example: 1250 }) price: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'Units that can still be reserved', example: 498 }) available: number;
  @ApiProperty({ description: 'Units held for orders not yet paid', example: 2 }) reserved: number;

  /** From a product or its cached state alike. */
  static of(p: Omit<ProductProps, 'version'>): ProductView {
    return {
      sku: p.sku,
      name: p.name,
      price: p.price,
      currency: p.currency,
      available: p.available,
      reserved: p.reserved,
    };
  }
}
