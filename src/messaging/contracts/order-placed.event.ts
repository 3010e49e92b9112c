import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsEmail,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { OrderLineContract } from './order-line.contract';

export class OrderPlaced {
  static readonly type = 'order.placed';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsEmail()
  customerEmail: string;

  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => OrderLineContract)
  items: OrderLineContract[];

  @IsInt()
  @Min(0)
  total: number;

  @Length(3, 3)
  currency: string;

  /** A gateway token, never card data. */
  @IsString()
  paymentToken: string;
}
