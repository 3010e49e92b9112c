import { OpenAPIObject, getSchemaPath } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsView } from '../errors/problem-details.view';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/**
 * Every route answers errors through ProblemFilter, so the document says so once, here, rather
 * than on every controller: each 4xx/5xx a route declares gets the problem schema, and each route
 * gets a `default` response for the errors it does not name (400 body, 413, 415, 429, 500 …).
 */
export function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const content = {
    [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsView) } },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const responses = path[method]?.responses;
      if (!responses) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && response && !('$ref' in response))
          (response as ResponseObject).content = content;
      }
      responses.default ??= {
        description: 'Any other error, as RFC 9457 problem details',
        content,
      };
    }
  }
  return document;
}
