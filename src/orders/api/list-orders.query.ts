import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OrderStatus } from '../domain/order-status';

export class ListOrdersQuery {
  // No example: Swagger UI would pre-fill it as a filter and hide every other order.
  @ApiPropertyOptional({ enum: OrderStatus, description: 'Only orders in this status' })
  @IsOptional()
  @IsEnum(OrderStatus)
  status?: OrderStatus;

  // The type is spelt out: an initialised field has none for Swagger to reflect (it saw Object).
  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
