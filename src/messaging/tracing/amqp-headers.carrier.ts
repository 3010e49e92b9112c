import type { TextMapGetter } from '@opentelemetry/api';

/**
 * Reads trace context from AMQP headers. Strings as we wrote them; a Buffer where another client
 * sent the header as bytes; anything else (a number, a table) is not a trace header.
 */
export const amqpHeadersGetter: TextMapGetter<Record<string, unknown>> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => {
    const value = headers[key];
    if (typeof value === 'string') return value;
    return Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
  },
};
