import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../common/config/app-config';

export const CONSOLE_COOKIE = 'orderflow_console';
const TTL_MS = 8 * 3600_000;

/**
 * A session is `<expiry>.<HMAC(admin key, expiry)>` in an HttpOnly, SameSite=Strict cookie: no
 * server-side state, so any process with the same admin key honours it (split mode), and
 * changing the key ends every session. The key itself never leaves the login request.
 */
@Injectable()
export class ConsoleSession {
  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.adminApiKey;
  }

  /** A Set-Cookie value for a fresh session. */
  open(secure: boolean): string {
    const expires = Date.now() + TTL_MS;
    const value = `${expires}.${this.sign(String(expires))}`;
    return this.cookie(value, Math.floor(TTL_MS / 1000), secure);
  }

  close(secure: boolean): string {
    return this.cookie('', 0, secure);
  }

  valid(req: Request): boolean {
    if (!this.enabled) return false;
    const raw = this.read(req);
    const [expires, mac] = raw?.split('.') ?? [];
    if (!expires || !mac || !(Number(expires) > Date.now())) return false;
    const expected = Buffer.from(this.sign(expires));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.config.adminApiKey ?? '')
      .update(`console-session:${payload}`)
      .digest('base64url');
  }

  private read(req: Request): string | undefined {
    for (const pair of (req.headers.cookie ?? '').split(';')) {
      const [name, ...rest] = pair.trim().split('=');
      if (name === CONSOLE_COOKIE) return rest.join('=');
    }
    return undefined;
  }

  private cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
    const attrs = [`${CONSOLE_COOKIE}=${value}`, 'Path=/console', 'HttpOnly', 'SameSite=Strict'];
    attrs.push(`Max-Age=${maxAgeSeconds}`);
    if (secure) attrs.push('Secure');
    return attrs.join('; ');
  }
}
