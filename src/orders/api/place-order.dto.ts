import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsEmail,
  IsObject,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { NoControlChars } from '../../common/validation/no-control-chars.decorator';
import { OrderItemDto } from './order-item.dto';

export class PlaceOrderDto {
  @ApiProperty({ description: 'Where the confirmation email goes', example: 'ada@example.com' })
  @IsEmail()
  @MaxLength(254)
  @NoControlChars()
  customerEmail: string;

  @ApiProperty({
    type: [OrderItemDto],
    description: 'What to buy',
    example: [{ sku: 'SKU-MUG', quantity: 2 }],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  // ValidateNested passes an array nested in the array (items: [[]]), which then reached
  // pricing as a line without a SKU and failed there as a 500.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items: OrderItemDto[];

  @ApiProperty({
    description:
      'Payment gateway token. Test tokens: tok_visa (succeeds), tok_chargeDeclined (declined), tok_processingError (transient failure)',
    example: 'tok_visa',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  @NoControlChars()
  paymentToken: string;
}
