import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { DestinationStream, LoggerOptions } from 'pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import { ObservabilitySettings } from '../config/observability-settings';
import { logFields } from './log-fields';

/** Probes and scrapes every few seconds would drown the lines that matter. */
const QUIET_PATHS = /^\/(health|metrics)(\/|\?|$)/;

const SERIALIZERS = {
  // Method and path only: headers carry the admin key and cookies, bodies carry emails.
  req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  err: pino.stdSerializers.err,
};

/** The pino options both formats share: level, the flow's ids on every line, lean HTTP fields. */
export function pinoOptions(settings: ObservabilitySettings): LoggerOptions {
  return {
    level: settings.logLevel,
    mixin: logFields,
    timestamp: pino.stdTimeFunctions.isoTime,
    // A label ("warn") rather than pino's number (40) is what log queries filter on.
    formatters: settings.logFormat === 'json' ? { level: (label) => ({ level: label }) } : {},
    serializers: SERIALIZERS,
  };
}

/** Where lines go: JSON to stdout as they are, or through pino-pretty for a terminal. */
export function logDestination(settings: ObservabilitySettings): DestinationStream {
  if (settings.logFormat === 'json') return pino.destination({ dest: 1, sync: true });
  return pretty({
    destination: 1,
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
}

/**
 * One line per HTTP request (pino-http), at a level by status, with method, path, status and
 * time. Registered by configureHttpEdge right after the correlation id, as plain Express
 * middleware: a Nest module middleware would be a route of its own (`req.route` set on every
 * request), which unknown-route 404s and route labels read.
 */
export function requestLogOptions(): Options {
  return {
    // Again here: pino-http's child logger would otherwise put its own, with every header, on top.
    serializers: SERIALIZERS,
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.test(req.url ?? '') },
    customLogLevel: (_req, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    customSuccessMessage: (req, res, ms) =>
      `${req.method} ${req.url} ${res.statusCode} in ${ms} ms`,
    customErrorMessage: (req, res, err) =>
      `${req.method} ${req.url} ${res.statusCode}: ${err.message}`,
  };
}
