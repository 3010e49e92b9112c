import { applyDecorators } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';

/**
 * The one SKU shape every route accepts. It lives in common so orders and inventory share it
 * without importing each other; a SKU ends up in URLs, queue payloads and email subjects, so
 * it is kept to a short, URL-safe alphabet.
 */
export const SKU_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export const SKU_RULE = 'sku must be 1-64 letters, digits, dots, dashes or underscores';

/** Validates a DTO property as a SKU. */
export function IsSku(): PropertyDecorator {
  return applyDecorators(IsString(), Matches(SKU_PATTERN, { message: SKU_RULE }));
}
