import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from '../errors/problem.exception';
import { MAX_JSON_DEPTH, exceedsJsonDepth } from '../json/json-depth';

const JSON_TYPES = ['application/json', 'application/*+json'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Options for Express's JSON parser: the size limit, and checks on the raw bytes before parsing. */
export function jsonBodyParserOptions(limitBytes: number) {
  return {
    limit: limitBytes,
    type: JSON_TYPES,
    // Runs on the raw bytes before JSON.parse: a deep body would otherwise overflow the stack of
    // the recursive transform and validation that follow (5 000 levels fit in 20 KB).
    verify: (_req: Request, _res: Response, body: Buffer, encoding: string) => {
      if (encoding.toLowerCase() !== 'utf-8')
        throw Object.assign(new Error('JSON must be UTF-8'), {
          status: 415,
          type: 'charset.unsupported',
        });
      if (exceedsJsonDepth(body, MAX_JSON_DEPTH))
        throw Object.assign(new Error('Nested too deeply'), {
          status: 400,
          type: 'entity.too.deep',
        });
    },
  };
}

/** A body we would not parse is refused as such (415) rather than read as an empty object. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
  if (hasBody && BODY_METHODS.has(req.method) && !req.is(JSON_TYPES))
    return next(
      new ProblemException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        'Send the body as application/json (UTF-8)',
      ),
    );
  next();
}

const PROBLEMS: Record<string, (err: { limit?: number }) => ProblemException> = {
  'entity.parse.failed': () =>
    new ProblemException(400, 'REQUEST.MALFORMED_JSON', 'The body is not valid JSON'),
  'entity.too.deep': () =>
    new ProblemException(
      400,
      'REQUEST.NESTED_TOO_DEEPLY',
      `The body is nested too deeply (more than ${MAX_JSON_DEPTH} levels of objects and arrays)`,
    ),
  'entity.too.large': (err) =>
    new ProblemException(
      413,
      'REQUEST.BODY_TOO_LARGE',
      `The body is larger than ${err.limit ?? 'the limit of'} bytes`,
    ),
  'charset.unsupported': () =>
    new ProblemException(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'JSON bodies must be UTF-8'),
  'encoding.unsupported': () =>
    new ProblemException(
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      'Content-Encoding must be gzip, deflate, br or identity',
    ),
};

/**
 * Express's body parser reports failures as plain errors tagged with a `type`. Nest would turn a
 * JSON syntax error into a generic 400 that echoes the parser's message; naming each here keeps
 * the codes stable and the answer free of the parser's wording.
 */
export function bodyParserProblems(
  err: { type?: unknown; limit?: number },
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  const problem =
    typeof err?.type === 'string' && Object.hasOwn(PROBLEMS, err.type)
      ? PROBLEMS[err.type]
      : undefined;
  next(problem ? problem(err) : err);
}
