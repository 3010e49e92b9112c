import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/** Admin endpoints take `Authorization: Bearer <ADMIN_API_KEY>`; without a key they are closed. */
@Injectable()
export class AdminApiKeyGuard implements CanActivate {
  private static warned = false;

  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.adminApiKey;
    if (!expected) {
      if (!AdminApiKeyGuard.warned) {
        AdminApiKeyGuard.warned = true;
        new Logger(AdminApiKeyGuard.name).warn(
          'Admin endpoints are disabled: set ADMIN_API_KEY to enable them',
        );
      }
      throw new ForbiddenException(
        'Admin endpoints are disabled: set ADMIN_API_KEY to enable them',
      );
    }
    const header = context.switchToHttp().getRequest<Request>().header('authorization') ?? '';
    const given = Buffer.from(header.replace(/^Bearer\s+/i, ''));
    const want = Buffer.from(expected);
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      throw new UnauthorizedException(
        'A valid admin API key is required (Authorization: Bearer <key>)',
      );
    }
    return true;
  }
}
