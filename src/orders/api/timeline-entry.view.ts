import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JournalEntry } from '../../messaging';
import { SentEmailView } from './sent-email.view';

const OUTCOMES = [
  'published',
  'handled',
  'retried',
  'dead-lettered',
  'replayed',
  'duplicate skipped',
] as const;

export class TimelineEntryView {
  @ApiProperty({ example: '2026-11-23T15:00:00.012Z', description: 'When it started' })
  at: string;
  @ApiProperty({ enum: ['published', 'handled'] }) direction: string;
  @ApiProperty({ example: 'inventory.reserve-stock' }) type: string;
  @ApiProperty({ example: 'orders', description: 'Publishing module, or handling consumer' })
  module: string;
  @ApiProperty({ example: 'web-1-4242-9f3e', description: 'Host, pid and a per-process suffix' })
  process: string;
  @ApiPropertyOptional({ example: 'inventory.reserve-stock', description: 'Handled from' })
  queue?: string;
  @ApiPropertyOptional({ example: 'orderflow.commands', description: 'Published to' })
  exchange?: string;
  @ApiProperty({ example: 0, description: 'Failed attempts before this one' }) attempt: number;
  @ApiPropertyOptional({ example: 1, description: 'Times replayed from the dead letters' })
  replay?: number;
  @ApiProperty({ enum: OUTCOMES }) outcome: string;
  @ApiPropertyOptional({ example: 'GatewayUnavailableError: processing error' }) error?: string;
  @ApiPropertyOptional({ type: SentEmailView, description: 'The email this handling sent' })
  email?: SentEmailView;
  @ApiPropertyOptional() messageId?: string;
  @ApiPropertyOptional() correlationId?: string;

  static of(e: JournalEntry): TimelineEntryView {
    const { id: _id, orderId: _orderId, at, ...rest } = e;
    return { at: at.toISOString(), ...rest };
  }
}
