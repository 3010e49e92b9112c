import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ConsoleLoginRequiredError } from './console-login-required.error';
import { ConsoleSession } from './console-session';

/** Console pages and actions need a session cookie (see ConsoleSession), never a Bearer key. */
@Injectable()
export class ConsoleSessionGuard implements CanActivate {
  constructor(private readonly session: ConsoleSession) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.session.valid(context.switchToHttp().getRequest<Request>())) return true;
    throw new ConsoleLoginRequiredError();
  }
}
