import {
  Controller,
  Get,
  Header,
  NotFoundException,
  OnApplicationShutdown,
  Param,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { SmtpCatcher } from './smtp-catcher';

class MailboxEntryView {
  @ApiProperty({ example: '0b9f2c1e-7d4a-4c7b-9f3e-2a1d5c6b7e8f' }) id: string;
  @ApiProperty({ example: '2026-11-23T15:00:00.000Z' }) receivedAt: Date;
  @ApiProperty({ example: 'orderflow <no-reply@orderflow.local>' }) from: string;
  @ApiProperty({ example: 'ada@example.com' }) to: string;
  @ApiProperty({ example: 'Order 6f1c2a9e-0b7d-4c5e-8a6f-1b2c3d4e5f60 confirmed' }) subject: string;
  @ApiProperty({ example: '<a1b2@orderflow.local>' }) messageId?: string;
  @ApiProperty({ description: 'Plain-text part' }) text?: string;
  @ApiProperty({
    description: 'Link to the rendered HTML part',
    example: '/dev/mailbox/0b9f…/html',
  })
  htmlUrl: string;
}

/** Dev only: what the embedded SMTP catcher received. Not loaded with SMTP_URL or in production. */
@ApiTags('dev')
@Controller('dev/mailbox')
export class DevMailboxController implements OnApplicationShutdown {
  constructor(private readonly catcher: SmtpCatcher) {}

  @Get()
  @ApiOkResponse({ type: [MailboxEntryView] })
  list(): MailboxEntryView[] {
    return this.catcher.list().map((m) => ({
      id: m.id,
      receivedAt: m.receivedAt,
      from: m.from,
      to: m.to,
      subject: m.subject,
      messageId: m.messageId,
      text: m.text,
      htmlUrl: `/dev/mailbox/${m.id}/html`,
    }));
  }

  @Get(':id/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  @ApiProduces('text/html')
  html(@Param('id') id: string): string {
    const mail = this.catcher.get(id);
    if (!mail) throw new NotFoundException(`No captured mail ${id}`);
    return (
      mail.html ??
      `<pre>${(mail.text ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</pre>`
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.catcher.stop();
  }
}
