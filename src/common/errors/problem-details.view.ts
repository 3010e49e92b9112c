import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldErrorView } from './field-error.view';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Every error answer, whatever raised it: RFC 9457 problem details plus our stable `code`. */
export class ProblemDetailsView {
  @ApiProperty({
    description: 'Identifies the kind of problem; one per code',
    example: 'urn:orderflow:problem:ORDERS.UNKNOWN_SKU',
  })
  type: string;

  @ApiProperty({ description: 'Short summary of the status', example: 'Unprocessable Entity' })
  title: string;

  @ApiProperty({ example: 422 }) status: number;

  @ApiProperty({ description: 'What went wrong in this request', example: 'Unknown SKU: NOPE-1' })
  detail: string;

  @ApiProperty({
    description:
      'Stable, branchable: a domain code (ORDERS.UNKNOWN_SKU …) or one of REQUEST.VALIDATION_FAILED, ' +
      'REQUEST.MALFORMED_JSON, REQUEST.NESTED_TOO_DEEPLY, REQUEST.BODY_TOO_LARGE, ' +
      'REQUEST.UNSUPPORTED_MEDIA_TYPE, REQUEST.TOO_MANY_REQUESTS, REQUEST.BAD_REQUEST, ' +
      'AUTH.UNAUTHORIZED, AUTH.FORBIDDEN, ROUTE.NOT_FOUND, RESOURCE.NOT_FOUND, INTERNAL',
    example: 'ORDERS.UNKNOWN_SKU',
  })
  code: string;

  @ApiPropertyOptional({
    description: 'Also in the X-Correlation-Id header; quote it when reporting a problem',
    example: '0b5e7c1e-2f0a-4d8e-9d43-5f3b1f5c2a10',
  })
  correlationId?: string;

  @ApiPropertyOptional({ type: [FieldErrorView], description: 'One entry per invalid field' })
  errors?: FieldErrorView[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Facts a client can act on, per code (e.g. the unknown skus)',
    example: { skus: ['NOPE-1'] },
  })
  details?: Record<string, unknown>;
}
