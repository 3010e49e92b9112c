import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthView {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description:
      'degraded (and HTTP 503, as /health/ready) while a critical check is down: the broker, ' +
      'the consumers, the outbox age, MongoDB, startup, or for 5 minutes after an unhandled ' +
      'rejection (checks.process)',
  })
  status: 'ok' | 'degraded';
  @ApiProperty({ example: true }) brokerConnected: boolean;
  @ApiProperty({ enum: ['memory', 'mongodb'] }) storage: 'memory' | 'mongodb';
  @ApiProperty({ example: ['orders', 'inventory', 'billing', 'notifications'] }) modules: string[];
  @ApiProperty({ example: ['inventory.reserve-stock', 'orders.payment-succeeded'] })
  queues: string[];
  @ApiProperty({ description: 'Events written but not yet confirmed by the broker', example: 0 })
  outboxPending: number;
  @ApiProperty({ description: 'Events the relay has published since start', example: 42 })
  outboxPublished: number;
  @ApiPropertyOptional({
    description: 'Events no queue was bound for, kept in orderflow.unrouted.kept',
    example: 0,
  })
  unroutedMessages?: number;
  @ApiProperty({
    description: 'What each loaded module reports, e.g. the mail transport',
    example: { mail: { status: 'up', detail: 'smtp://mailpit:1025' } },
  })
  checks: Record<string, { status: string; detail?: string; checkedAt?: string }>;
  @ApiProperty({ example: 12.3 }) uptimeSeconds: number;
}
