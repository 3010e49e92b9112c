import { ApiProperty } from '@nestjs/swagger';

/** One problem with one input field; `field` is the dotted path into the body or query. */
export class FieldErrorView {
  @ApiProperty({ example: 'items.0.quantity' }) field: string;
  @ApiProperty({ example: 'quantity must not be less than 1' }) message: string;
}
