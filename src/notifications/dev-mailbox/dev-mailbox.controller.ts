import {
  Controller,
  Get,
  Header,
  Headers,
  NotFoundException,
  OnApplicationShutdown,
  Param,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MailboxEntryView } from './mailbox-entry.view';
import { mailPage, mailboxPage } from './mailbox-page';
import { SmtpCatcher } from './smtp-catcher';

// The pages frame the mail's own HTML from this origin and style themselves inline; nothing else.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'";

/** text/html named before any JSON: what browsers send, and not what curl or fetch() send. */
function wantsHtml(accept = ''): boolean {
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

/** Dev only: what the embedded SMTP catcher received. Not loaded with SMTP_URL or in production. */
@ApiTags('dev')
@Controller('dev/mailbox')
export class DevMailboxController implements OnApplicationShutdown {
  constructor(private readonly catcher: SmtpCatcher) {}

  /** A browser (Accept: text/html) gets the inbox page; curl and API clients get JSON. */
  @Get()
  @ApiOkResponse({ type: [MailboxEntryView] })
  @ApiProduces('application/json', 'text/html')
  list(
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): MailboxEntryView[] | string {
    if (wantsHtml(accept)) {
      res.type('html').setHeader('Content-Security-Policy', PAGE_CSP);
      return mailboxPage(this.catcher.list());
    }
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

  @Get(':id')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', PAGE_CSP)
  @ApiProduces('text/html')
  page(@Param('id') id: string): string {
    return mailPage(this.found(id));
  }

  @Get(':id/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  @ApiProduces('text/html')
  html(@Param('id') id: string): string {
    const mail = this.found(id);
    return (
      mail.html ??
      `<pre>${(mail.text ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</pre>`
    );
  }

  private found(id: string) {
    const mail = this.catcher.get(id);
    if (!mail) throw new NotFoundException(`No captured mail ${id}`);
    return mail;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.catcher.stop();
  }
}
