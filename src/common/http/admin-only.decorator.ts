import { UseGuards, applyDecorators } from '@nestjs/common';
import { ADMIN_SCHEME } from './admin-scheme';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminApiKeyGuard } from './admin-api-key.guard';

/** The guard and its documentation travel together, so no admin route is guarded but undocumented. */
export function AdminOnly(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(AdminApiKeyGuard),
    ApiBearerAuth(ADMIN_SCHEME),
    ApiUnauthorizedResponse({
      description: 'Missing or wrong admin key (send Authorization: Bearer <ADMIN_API_KEY>)',
    }),
    ApiForbiddenResponse({ description: 'Admin endpoints are disabled: ADMIN_API_KEY is not set' }),
  );
}
