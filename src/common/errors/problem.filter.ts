import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { CORRELATION_HEADER } from '../correlation/correlation.middleware';
import { CorrelationContext } from '../correlation/correlation.context';
import { DomainError, DomainErrorKind } from './domain.error';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsView } from './problem-details.view';
import { ProblemException } from './problem.exception';

/** The one map from a domain error's kind to its HTTP status. */
const STATUS: Record<DomainErrorKind, HttpStatus> = {
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  invalid: HttpStatus.BAD_REQUEST,
};

/** Codes for errors that carry only a status (Nest's own exceptions, guards, the throttler). */
const CODE_BY_STATUS: Partial<Record<number, string>> = {
  400: 'REQUEST.BAD_REQUEST',
  401: 'AUTH.UNAUTHORIZED',
  403: 'AUTH.FORBIDDEN',
  404: 'RESOURCE.NOT_FOUND',
  413: 'REQUEST.BODY_TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.TOO_MANY_REQUESTS',
};

type Problem = Omit<ProblemDetailsView, 'type' | 'title' | 'correlationId'>;

/**
 * Every error answer leaves through here as application/problem+json, whatever raised it:
 * domain errors, validation, guards, body parsing, unknown routes, and bugs. A bug answers a
 * plain 500 naming only the correlation id; its message and stack go to the log, not the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const problem = this.problemFor(error, req);
    if (problem.code === 'INTERNAL')
      this.logger.error(
        `${req.method} ${req.path} failed: ${(error as Error)?.message ?? String(error)}`,
        (error as Error)?.stack,
      );
    if (res.headersSent) return void res.end();
    if (problem.status === HttpStatus.SERVICE_UNAVAILABLE) res.setHeader('Retry-After', '5');
    const correlationId =
      CorrelationContext.correlationId() ?? (res.getHeader(CORRELATION_HEADER) as string);
    const body: ProblemDetailsView = {
      type: `urn:orderflow:problem:${problem.code}`,
      title: STATUS_CODES[problem.status] ?? 'Error',
      ...problem,
      correlationId,
    };
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private problemFor(error: unknown, req: Request): Problem {
    if (error instanceof DomainError) {
      const { code, message: detail, details } = error;
      return { status: STATUS[error.kind], code, detail, ...(details ? { details } : {}) };
    }
    if (error instanceof ProblemException) {
      const { code, errors } = error;
      return {
        status: error.getStatus(),
        code,
        detail: error.message,
        ...(errors ? { errors } : {}),
      };
    }
    if (error instanceof HttpException) return this.fromHttpException(error, req);
    if (isClientHttpError(error)) {
      const status = error.status;
      return {
        status,
        code: CODE_BY_STATUS[status] ?? 'REQUEST.REJECTED',
        detail: STATUS_CODES[status] ?? 'Rejected',
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL',
      detail: 'Something went wrong on our side; quote the correlationId when reporting it',
    };
  }

  private fromHttpException(error: HttpException, req: Request): Problem {
    const status = error.getStatus();
    // Express sets req.route only when a route matched: without it this is Nest's catch-all 404.
    if (status === HttpStatus.NOT_FOUND && !req.route)
      return {
        status,
        code: 'ROUTE.NOT_FOUND',
        detail: `No route matches ${req.method} on this path`,
      };
    if (status >= 500)
      return { status, code: 'INTERNAL', detail: STATUS_CODES[status] ?? 'Server error' };
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: unknown }).message
        : response;
    const detail = Array.isArray(message) ? message.join('; ') : String(message);
    return { status, code: CODE_BY_STATUS[status] ?? 'REQUEST.REJECTED', detail };
  }
}

/** http-errors' shape, as Express middleware raises it: a 4xx marked safe to show. */
function isClientHttpError(error: unknown): error is { status: number } {
  const e = error as { status?: unknown; expose?: unknown } | null;
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true;
}
