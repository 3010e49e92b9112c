import { SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ADMIN_SCHEME } from './admin-scheme';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ADMIN_UNLESS_QUERY, AdminApiKeyGuard } from './admin-api-key.guard';

/**
 * A listing that is admin-only as a whole but public for one order: `?orderId=<uuid>` reveals
 * only that order's records, and the unguessable id is what a customer already holds to track
 * it. Without the field the listing spans every customer, so it takes the admin key.
 * The route's query DTO must still validate the field (e.g. @IsUUID), so a malformed one is a 400.
 */
export function AdminUnlessScoped(queryField: string): MethodDecorator {
  return applyDecorators(
    SetMetadata(ADMIN_UNLESS_QUERY, queryField),
    UseGuards(AdminApiKeyGuard),
    ApiBearerAuth(ADMIN_SCHEME),
    ApiUnauthorizedResponse({
      description: `Without ${queryField}: missing or wrong admin key (Authorization: Bearer <ADMIN_API_KEY>)`,
    }),
    ApiForbiddenResponse({
      description: `Without ${queryField}: admin endpoints are disabled (ADMIN_API_KEY is not set)`,
    }),
  );
}
