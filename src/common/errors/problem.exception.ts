import { HttpException } from '@nestjs/common';
import { FieldErrorView } from './field-error.view';

/** An HTTP-edge refusal (bad body, wrong media type …) that already knows its stable code. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly errors?: FieldErrorView[],
  ) {
    super(detail, status);
  }
}
