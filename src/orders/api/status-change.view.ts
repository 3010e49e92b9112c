import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OrderStatus } from '../domain/order-status';

export class StatusChangeView {
  @ApiProperty({ enum: OrderStatus, example: OrderStatus.PENDING }) status: OrderStatus;
  @ApiProperty({ example: '2026-11-23T15:00:00.000Z' }) at: string;
  @ApiPropertyOptional({ example: 'Payment refunded: Payment timed out' }) reason?: string;
}
