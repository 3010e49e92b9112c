import { Body, Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../common/config/app-config';
import { ConsoleLoginDto } from './console-login.dto';
import { consolePage } from './console-layout';
import { CONSOLE_SCRIPT } from './console-script';
import { ConsoleSession } from './console-session';
import { html } from './html';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Log in with the admin key (sent once, in a POST body), get a session cookie; log out. */
@ApiExcludeController()
@Controller('console')
export class ConsoleAuthController {
  constructor(
    private readonly session: ConsoleSession,
    private readonly config: AppConfig,
  ) {}

  @Get()
  home(@Res() res: Response): void {
    res.redirect(303, '/console/dead-letters');
  }

  @Get('console.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  script(): string {
    return CONSOLE_SCRIPT;
  }

  @Get('login')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  loginForm(): string {
    const body = this.session.enabled
      ? html`<form data-post action="/console/login">
          <label
            >Admin key<br /><input
              type="password"
              name="key"
              autocomplete="current-password"
              autofocus
              required
          /></label>
          <button type="submit">Log in</button>
          <p class="error" role="alert"></p>
        </form>`
      : html`<p class="error">The console is disabled: set ADMIN_API_KEY to enable it.</p>`;
    return consolePage('Log in', body, { signedIn: false });
  }

  @Post('login')
  @HttpCode(200)
  login(@Body() body: ConsoleLoginDto, @Req() req: Request, @Res() res: Response): void {
    const expected = this.config.adminApiKey;
    if (!expected || !timingSafeEqual(digest(body.key), digest(expected))) {
      res.status(401).json({ status: 401, detail: expected ? 'Wrong admin key' : 'Disabled' });
      return;
    }
    res.setHeader('Set-Cookie', this.session.open(req.secure));
    res.json({ location: '/console/dead-letters' });
  }

  @Post('logout')
  @HttpCode(200)
  logout(@Req() req: Request, @Res() res: Response): void {
    res.setHeader('Set-Cookie', this.session.close(req.secure));
    res.json({ location: '/console/login' });
  }
}
