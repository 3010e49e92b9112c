import { ApiProperty } from '@nestjs/swagger';
import type { JournalEntry } from '../../messaging';
import { TimelineEntryView } from './timeline-entry.view';

export class OrderTimelineView {
  @ApiProperty({ example: '6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60' }) orderId: string;
  @ApiProperty({
    enum: ['shared', 'this process'],
    description:
      "shared: every process writes one journal (MongoDB), so all modules' entries are here. this process: an in-memory journal, only what the answering process published and handled; complete when it runs every module and has no replicas",
  })
  journal: 'shared' | 'this process';
  @ApiProperty({ type: [TimelineEntryView], description: 'Oldest first' })
  entries: TimelineEntryView[];

  static of(orderId: string, entries: JournalEntry[], shared: boolean): OrderTimelineView {
    return {
      orderId,
      journal: shared ? 'shared' : 'this process',
      entries: entries.map(TimelineEntryView.of),
    };
  }
}
