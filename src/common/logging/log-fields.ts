import { isSpanContextValid, trace } from '@opentelemetry/api';
import { CorrelationContext } from '../correlation/correlation.context';

/** The ids that tie a log line to its flow; absent ones are left out, never logged empty. */
export interface LogFields {
  correlationId?: string;
  traceId?: string;
  spanId?: string;
  orderId?: string;
  messageId?: string;
}

/**
 * Read for every line (pino's mixin), from the flow's context: the HTTP request or the message
 * being handled (whose id is the causation id of what it publishes), and the active span.
 */
export function logFields(): LogFields {
  const fields: LogFields = {};
  const scope = CorrelationContext.current();
  if (scope) {
    fields.correlationId = scope.correlationId;
    if (scope.orderId) fields.orderId = scope.orderId;
    if (scope.causationId) fields.messageId = scope.causationId;
  }
  const span = trace.getActiveSpan()?.spanContext();
  if (span && isSpanContextValid(span)) {
    fields.traceId = span.traceId;
    fields.spanId = span.spanId;
  }
  return fields;
}
