import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/** Set by AdminUnlessScoped(): the query field that, when given, makes the route public. */
export const ADMIN_UNLESS_QUERY = 'orderflow:admin-unless-query';

const BEARER = /^Bearer +(.+)$/i;

/** Digests have one length whatever the key's, so neither the compare nor a length check leaks it. */
const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Admin endpoints take `Authorization: Bearer <ADMIN_API_KEY>`; without a key they are closed. */
@Injectable()
export class AdminApiKeyGuard implements CanActivate {
  private static warned = false;

  constructor(
    private readonly config: AppConfig,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (this.scopedToOne(context, req)) return true;
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
    const given = BEARER.exec(req.header('authorization') ?? '')?.[1];
    // A key of any length still costs one compare, so the answer time says nothing about it.
    const matches = timingSafeEqual(digest(given ?? ''), digest(expected));
    if (!given || !matches) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException(
        'A valid admin API key is required (Authorization: Bearer <key>)',
      );
    }
    return true;
  }

  /** A single-valued, non-empty scoping field: the route's own validation checks its shape. */
  private scopedToOne(context: ExecutionContext, req: Request): boolean {
    const field = this.reflector.getAllAndOverride<string | undefined>(ADMIN_UNLESS_QUERY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!field) return false;
    const value: unknown = req.query[field];
    return typeof value === 'string' && value !== '';
  }
}
