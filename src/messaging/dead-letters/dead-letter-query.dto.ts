import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';

export class DeadLetterQueryDto {
  @ApiPropertyOptional({
    description: 'Queue the message failed in',
    example: 'billing.inventory-reserved',
  })
  @IsOptional()
  @IsString()
  queue?: string;

  @ApiPropertyOptional({ description: 'Event type', example: 'inventory.reserved' })
  @IsOptional()
  @IsString()
  type?: string;

  @ApiPropertyOptional({
    description: 'Only dead letters parked at or after this time',
    example: '2026-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601()
  since?: string;

  @ApiPropertyOptional({ enum: ['PARKED', 'REPLAYED'] })
  @IsOptional()
  @IsIn(['PARKED', 'REPLAYED'])
  status?: 'PARKED' | 'REPLAYED';

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}
