import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class NotificationsQuery {
  @ApiPropertyOptional({
    // No example: pre-filled with a made-up id, the list would come back empty.
    description: "One order's records, public; without it the list spans every order (admin key)",
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  orderId?: string;
}
