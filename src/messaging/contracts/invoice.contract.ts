import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import { OrderLineContract } from './order-line.contract';

export class InvoiceContract {
  @IsString()
  number: string;

  @IsInt()
  @Min(0)
  amount: number;

  @Length(3, 3)
  currency: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLineContract)
  lines: OrderLineContract[];
}
