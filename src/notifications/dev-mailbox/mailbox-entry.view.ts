import { ApiProperty } from '@nestjs/swagger';

export class MailboxEntryView {
  @ApiProperty({ example: '0b9f2c1e-7d4a-4c7b-9f3e-2a1d5c6b7e8f' }) id: string;
  @ApiProperty({ example: '2026-11-23T15:00:00.000Z' }) receivedAt: Date;
  @ApiProperty({ example: 'orderflow <no-reply@orderflow.local>' }) from: string;
  @ApiProperty({ example: 'ada@example.com' }) to: string;
  @ApiProperty({ example: 'Your orderflow shop order #6F1C2A is confirmed' }) subject: string;
  @ApiProperty({ example: '<a1b2@orderflow.local>' }) messageId?: string;
  @ApiProperty({ description: 'Plain-text part' }) text?: string;
  @ApiProperty({
    description: 'Link to the rendered HTML part',
    example: '/dev/mailbox/0b9f…/html',
  })
  htmlUrl: string;
}
