import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';

export class DeadLetterQueryDto {
  // Filters carry no example: Swagger UI would pre-fill it and hide the real dead letters.
  @ApiPropertyOptional({ description: 'Queue the message failed in, e.g. billing.charge-payment' })
  @IsOptional()
  @IsString()
  queue?: string;

  @ApiPropertyOptional({ description: 'Message type, e.g. billing.charge-payment' })
  @IsOptional()
  @IsString()
  type?: string;

  @ApiPropertyOptional({
    description: 'Only dead letters parked at or after this time (ISO 8601)',
    format: 'date-time',
  })
  @IsOptional()
  @IsISO8601()
  since?: string;

  @ApiPropertyOptional({ enum: ['PARKED', 'REPLAYED'] })
  @IsOptional()
  @IsIn(['PARKED', 'REPLAYED'])
  status?: 'PARKED' | 'REPLAYED';

  // The type is spelt out: an initialised field has none for Swagger to reflect (it saw Object).
  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}
