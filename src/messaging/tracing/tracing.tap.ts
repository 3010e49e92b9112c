import {
  Link,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  Tracer,
  context,
  propagation,
  trace,
} from '@opentelemetry/api';
import { H } from '../consumer/message-headers';
import type {
  Delivery,
  Handled,
  MessageTap,
  Publication,
  Published,
} from '../observability/message-tap';
import { amqpHeadersGetter } from './amqp-headers.carrier';

const SYSTEM = { 'messaging.system': 'rabbitmq' } as const;
const FAILED: ReadonlySet<string> = new Set(['retry', 'dead_letter', 'rejected']);

/**
 * Carries W3C trace context across the broker (messaging semantic conventions): the writer's
 * context is kept with the outbox row, the relay's publish is a PRODUCER span under it and puts
 * its own context in the headers, and each delivery is handled in a CONSUMER span under that.
 * A retry or a replay is still in the original trace, and also links to where it came from.
 */
export class TracingTap implements MessageTap {
  // Keyed by the headers object, the one thing publishing/published and around/handled share.
  private readonly publishes = new WeakMap<object, Span>();
  private readonly deliveries = new WeakMap<object, Span>();

  constructor(private readonly tracer: Tracer = trace.getTracer('orderflow.messaging')) {}

  capture(): Record<string, string> {
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    return carrier;
  }

  publishing(p: Publication): void {
    // The context captured with the outbox row, else whoever publishes now (a replay request).
    const parent = propagation.extract(context.active(), p.headers, amqpHeadersGetter);
    const span = this.tracer.startSpan(
      `${p.exchange} publish`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          ...SYSTEM,
          'messaging.operation': 'publish',
          'messaging.operation.type': 'send',
          'messaging.destination.name': p.exchange,
          'messaging.rabbitmq.destination.routing_key': p.routingKey,
          ...(p.messageId ? { 'messaging.message.id': p.messageId } : {}),
          ...(p.correlationId ? { 'messaging.message.conversation_id': p.correlationId } : {}),
        },
      },
      parent,
    );
    propagation.inject(trace.setSpan(parent, span), p.headers);
    this.publishes.set(p.headers, span);
  }

  published(p: Published): void {
    const span = this.publishes.get(p.headers);
    if (!span) return;
    this.publishes.delete(p.headers);
    if (p.outcome === 'failed') fail(span, p.error);
    span.end();
  }

  around<T>(delivery: Delivery, run: () => Promise<T>): Promise<T> {
    const parent = propagation.extract(ROOT_CONTEXT, delivery.headers, amqpHeadersGetter);
    const span = this.tracer.startSpan(
      `${delivery.queue} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          ...SYSTEM,
          'messaging.operation': 'process',
          'messaging.operation.type': 'process',
          'messaging.destination.subscription.name': delivery.queue,
          'messaging.consumer.group.name': delivery.consumer,
          'orderflow.message.type': delivery.type,
          'orderflow.attempt': delivery.attempt,
          ...(delivery.envelope
            ? {
                'messaging.message.id': delivery.envelope.messageId,
                'messaging.message.conversation_id': delivery.envelope.correlationId,
              }
            : {}),
        },
        links: againLinks(delivery, parent),
      },
      parent,
    );
    this.deliveries.set(delivery.headers, span);
    return context.with(trace.setSpan(parent, span), run).then(
      (result) => {
        span.end();
        return result;
      },
      (error: unknown) => {
        fail(span, error);
        span.end();
        throw error;
      },
    );
  }

  handled(h: Handled): void {
    const span = this.deliveries.get(h.headers);
    if (!span) return;
    span.setAttribute('orderflow.outcome', h.outcome);
    if (FAILED.has(h.outcome)) fail(span, h.error);
  }
}

/** A retry or a replay links to the context it was first sent in, beside having it as parent. */
function againLinks(delivery: Delivery, parent: typeof ROOT_CONTEXT): Link[] {
  const origin = trace.getSpanContext(parent);
  if (!origin) return [];
  const replayed =
    delivery.headers[H.replayedAt] !== undefined || delivery.headers[H.replayCount] !== undefined;
  const kind = delivery.attempt > 0 ? 'retry' : replayed ? 'replay' : undefined;
  return kind
    ? [
        {
          context: origin,
          attributes: { 'orderflow.link': kind, 'orderflow.attempt': delivery.attempt },
        },
      ]
    : [];
}

function fail(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  span.setStatus({
    code: SpanStatusCode.ERROR,
    ...(error instanceof Error ? { message: error.message } : {}),
  });
}
