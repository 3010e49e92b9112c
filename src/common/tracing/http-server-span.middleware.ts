import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
} from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { NextFunction, Request, Response } from 'express';

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

/** Probes and scrapes: every few seconds, from machines, about nothing an order did. */
const UNTRACED = /^\/(health|metrics)(\/|$)/;

/**
 * The HTTP server span, ours rather than @opentelemetry/instrumentation-http/-express: those
 * patch `http` and `express` as they are required, and the in-process test app (and anything
 * that imports the app before tracing starts) has both loaded by then, Jest through a module
 * registry that require hooks never see. One middleware behaves the same in every host.
 * Named `METHOD /route` once the router has matched (low cardinality), else just `METHOD`.
 */
export function httpServerSpans(tracer = trace.getTracer('orderflow.http')): Middleware {
  return (req, res, next) => {
    if (UNTRACED.test(req.path)) return next();
    // A caller's traceparent joins its trace; without one, the request starts a new one.
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: req.method,
          [ATTR_URL_PATH]: req.path,
          [ATTR_URL_SCHEME]: req.protocol,
        },
      },
      parent,
    );
    res.once('close', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      if (typeof route === 'string') {
        const full = `${req.baseUrl}${route}`;
        span.updateName(`${req.method} ${full}`);
        span.setAttribute(ATTR_HTTP_ROUTE, full);
      }
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500 || !res.writableFinished)
        span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
