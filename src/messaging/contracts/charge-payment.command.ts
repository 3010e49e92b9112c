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

/**
 * Orders asks billing to charge a reserved order. The only message that carries the payment
 * token: it goes to billing alone, never broadcast. Outcome: payment.succeeded or .failed.
 */
export class ChargePayment {
  static readonly type = 'billing.charge-payment';
  static readonly version = 1;

  @IsUUID()
  orderId: string;

  @IsEmail()
  customerEmail: string;

  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => OrderLineContract)
  items: OrderLineContract[];

  /** Integer cents. */
  @IsInt()
  @Min(0)
  amount: number;

  @Length(3, 3)
  currency: string;

  /** A gateway token, never card data. */
  @IsString()
  paymentToken: string;
}
