import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class BulkReplayDto {
  // No example: pre-filled, it would narrow a replay to a queue that may hold nothing.
  @ApiPropertyOptional({ description: 'Only this queue, e.g. notifications.order-confirmed' })
  @IsOptional()
  @IsString()
  queue?: string;

  @ApiPropertyOptional({ description: 'Only this message type, e.g. order.confirmed' })
  @IsOptional()
  @IsString()
  type?: string;

  @ApiProperty({
    description: 'Most messages to replay',
    type: 'integer',
    example: 100,
    minimum: 1,
    maximum: 10000,
  })
  @IsInt()
  @Min(1)
  @Max(10000)
  limit: number;

  @ApiProperty({
    description: 'Pace of the replay',
    type: 'integer',
    example: 20,
    minimum: 1,
    maximum: 1000,
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  ratePerSecond: number;
}
