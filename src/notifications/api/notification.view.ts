import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Notification } from '../domain/notification';
import { DeliveryAttemptView } from './delivery-attempt.view';

export class NotificationView {
  @ApiProperty({ example: '0b9f2c1e-7d4a-4c7b-9f3e-2a1d5c6b7e8f' }) id: string;
  @ApiProperty({ example: '6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60' }) orderId: string;
  @ApiProperty({ enum: ['order-confirmed', 'order-rejected', 'order-cancelled'] }) kind: string;
  @ApiProperty({ example: 'ada@example.com' }) recipient: string;
  @ApiProperty({ example: 'Order 6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60 confirmed' }) subject: string;
  @ApiProperty({ enum: ['PENDING', 'SENT', 'FAILED'] }) status: string;
  @ApiPropertyOptional({ example: '<a1b2@orderflow.local>' }) messageId?: string;
  @ApiProperty({ example: '2026-11-23T15:00:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ example: '2026-11-23T15:00:00.050Z' }) sentAt?: string;
  @ApiProperty({ type: [DeliveryAttemptView] }) attempts: DeliveryAttemptView[];

  static of(n: Notification): NotificationView {
    return {
      id: n.id,
      orderId: n.orderId,
      kind: n.kind,
      recipient: n.recipient,
      subject: n.subject,
      status: n.status,
      messageId: n.messageId,
      createdAt: new Date(n.createdAt).toISOString(),
      sentAt: n.sentAt ? new Date(n.sentAt).toISOString() : undefined,
      attempts: n.attempts.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    };
  }
}
