import { UseGuards, applyDecorators } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Counts the route's calls per client against RateLimitModule's budget; past it, 429 with
 * Retry-After. Per route rather than global: reads are cheap, placing orders is not.
 */
export function RateLimited(): MethodDecorator {
  return applyDecorators(
    UseGuards(ThrottlerGuard),
    ApiTooManyRequestsResponse({
      description: 'Too many requests from this client (code REQUEST.TOO_MANY_REQUESTS)',
      headers: {
        'Retry-After': {
          description: 'Seconds until a retry may succeed',
          schema: { type: 'integer' },
        },
      },
    }),
  );
}
