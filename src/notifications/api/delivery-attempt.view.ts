import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeliveryAttemptView {
  @ApiProperty({ example: '2026-11-23T15:00:00.000Z' }) at: string;
  @ApiProperty({ enum: ['sent', 'transient-failure', 'permanent-failure'] }) outcome: string;
  @ApiProperty({ example: '250 OK: message queued' }) response: string;
  @ApiPropertyOptional({ example: '<a1b2@orderflow.local>' }) messageId?: string;
}
