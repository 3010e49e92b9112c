import {
  Controller,
  Get,
  Header,
  NotFoundException,
  OnApplicationShutdown,
  Param,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MailboxEntryView } from './mailbox-entry.view';
import { SmtpCatcher } from './smtp-catcher';

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
