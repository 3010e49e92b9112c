import { HttpStatus } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { FieldErrorView } from './field-error.view';
import { ProblemException } from './problem.exception';

/**
 * ValidationPipe's exceptionFactory: one entry per broken rule, named by its full path
 * (`items.0.quantity`), so a client can point at the field instead of parsing prose.
 */
export function validationProblem(errors: ValidationError[]): ProblemException {
  const fields = fieldErrors(errors, '');
  return new ProblemException(
    HttpStatus.BAD_REQUEST,
    'REQUEST.VALIDATION_FAILED',
    `The request has ${fields.length} invalid field${fields.length === 1 ? '' : 's'}; see errors`,
    fields,
  );
}

function fieldErrors(errors: ValidationError[], parent: string): FieldErrorView[] {
  return errors.flatMap((e) => {
    const field = [parent, e.property].filter(Boolean).join('.');
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field: field || '(body)',
      message,
    }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}
