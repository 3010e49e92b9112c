import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class BulkReplayDto {
  @ApiPropertyOptional({ example: 'notifications.order-confirmed' })
  @IsOptional()
  @IsString()
  queue?: string;

  @ApiPropertyOptional({ example: 'order.confirmed' })
  @IsOptional()
  @IsString()
  type?: string;

  @ApiProperty({ description: 'Most messages to replay', example: 100, minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  limit: number;

  @ApiProperty({ description: 'Pace of the replay', example: 20, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  ratePerSecond: number;
}
