import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import type { Delivery } from '../observability/message-tap';
import { TracingTap } from './tracing.tap';

describe('TracingTap: trace context across the broker', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('test');
  let tap: TracingTap;

  beforeAll(() => provider.register({ propagator: new W3CTraceContextPropagator() }));
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });
  beforeEach(() => {
    exporter.reset();
    tap = new TracingTap(tracer);
  });

  const span = (name: string): ReadableSpan => {
    const found = exporter.getFinishedSpans().find((s) => s.name === name);
    if (!found)
      throw new Error(`no span ${name}: ${exporter.getFinishedSpans().map((s) => s.name)}`);
    return found;
  };
  const delivery = (headers: Record<string, unknown>, attempt = 0): Delivery => ({
    consumer: 'billing',
    queue: 'billing.charge-payment',
    type: 'ChargePayment',
    headers,
    attempt,
  });
  /** Outbox capture inside a request span, then the relay's publish of that row. */
  const publishFromRequest = (): { headers: Record<string, unknown>; requestTraceId: string } => {
    const request = tracer.startSpan('POST /orders');
    const captured = context.with(trace.setSpan(context.active(), request), () => tap.capture());
    request.end();
    const headers: Record<string, unknown> = { ...captured, 'of-attempt': 0 };
    tap.publishing({
      exchange: 'commands',
      routingKey: 'ChargePayment',
      headers,
      messageId: 'm1',
      correlationId: 'c1',
      content: Buffer.from('{}'),
    });
    tap.published({
      exchange: 'commands',
      routingKey: 'ChargePayment',
      headers,
      outcome: 'confirmed',
      seconds: 0.001,
      content: Buffer.from('{}'),
    });
    return { headers, requestTraceId: request.spanContext().traceId };
  };

  it('captures nothing outside a span, and the W3C traceparent inside one', () => {
    expect(tap.capture()).toEqual({});
    const s = tracer.startSpan('request');
    const captured = context.with(trace.setSpan(context.active(), s), () => tap.capture());
    s.end();
    expect(captured.traceparent).toBe(`00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`);
  });

  it('publishes in a PRODUCER span under the captured context, and passes its own on', () => {
    const { headers, requestTraceId } = publishFromRequest();
    const producer = span('commands publish');
    expect(producer.kind).toBe(SpanKind.PRODUCER);
    expect(producer.spanContext().traceId).toBe(requestTraceId);
    expect(producer.parentSpanContext?.spanId).toBe(span('POST /orders').spanContext().spanId);
    expect(producer.attributes).toMatchObject({
      'messaging.system': 'rabbitmq',
      'messaging.operation': 'publish',
      'messaging.destination.name': 'commands',
      'messaging.rabbitmq.destination.routing_key': 'ChargePayment',
      'messaging.message.id': 'm1',
    });
    expect(headers.traceparent).toBe(`00-${requestTraceId}-${producer.spanContext().spanId}-01`);
    expect(headers['of-attempt']).toBe(0);
  });

  it('marks a publish the broker did not confirm as failed', () => {
    const headers: Record<string, unknown> = {};
    const p = { exchange: 'events', routingKey: 'X', headers, content: Buffer.alloc(0) };
    tap.publishing(p);
    tap.published({ ...p, outcome: 'failed', seconds: 5, error: new Error('timed out') });
    expect(span('events publish').status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'timed out',
    });
  });

  it('handles a delivery in a CONSUMER span, child of the producer, active inside the handler', async () => {
    const { headers } = publishFromRequest();
    const d = delivery(headers);
    const active = await tap.around(d, async () => {
      tap.handled({ ...d, outcome: 'ack', seconds: 0.01 });
      return trace.getActiveSpan()?.spanContext().spanId;
    });
    const consumer = span('billing.charge-payment process');
    expect(consumer.kind).toBe(SpanKind.CONSUMER);
    expect(active).toBe(consumer.spanContext().spanId);
    expect(consumer.parentSpanContext?.spanId).toBe(span('commands publish').spanContext().spanId);
    expect(consumer.attributes).toMatchObject({
      'messaging.consumer.group.name': 'billing',
      'orderflow.attempt': 0,
      'orderflow.outcome': 'ack',
    });
    expect(consumer.links).toEqual([]);
  });

  it.each([
    ['a retry', {}, 2],
    ['a replay', { 'of-replayed-at': new Date().toISOString() }, 0],
    ['a re-drive', { 'of-replay-count': 1 }, 0],
  ])('links %s to the context it was first sent in', async (_what, extra, attempt) => {
    const { headers } = publishFromRequest();
    await tap.around(delivery({ ...headers, ...extra }, attempt), async () => undefined);
    const consumer = span('billing.charge-payment process');
    const producer = span('commands publish');
    expect(consumer.parentSpanContext?.spanId).toBe(producer.spanContext().spanId);
    expect(consumer.links).toHaveLength(1);
    expect(consumer.links[0].context.spanId).toBe(producer.spanContext().spanId);
    expect(consumer.links[0].attributes?.['orderflow.link']).toBe(attempt ? 'retry' : 'replay');
  });

  it('reads a traceparent sent as bytes, and starts a new trace on a garbled one', async () => {
    const { headers } = publishFromRequest();
    const bytes = Buffer.from(headers.traceparent as string);
    await tap.around(delivery({ traceparent: bytes }), async () => undefined);
    expect(span('billing.charge-payment process').parentSpanContext?.spanId).toBe(
      span('commands publish').spanContext().spanId,
    );
    exporter.reset();
    await tap.around(delivery({ traceparent: 'not-a-traceparent' }), async () => undefined);
    expect(span('billing.charge-payment process').parentSpanContext).toBeUndefined();
  });

  it('records the failure on the span of a delivery sent to retry, or one that threw', async () => {
    const d = delivery({});
    const error = new Error('gateway down');
    await tap.around(d, async () => tap.handled({ ...d, outcome: 'retry', seconds: 0.1, error }));
    const retried = span('billing.charge-payment process');
    expect(retried.status.code).toBe(SpanStatusCode.ERROR);
    expect(retried.attributes['orderflow.outcome']).toBe('retry');
    expect(retried.events.map((e) => e.name)).toContain('exception');
    exporter.reset();
    await expect(tap.around(delivery({}), () => Promise.reject(error))).rejects.toBe(error);
    expect(span('billing.charge-payment process').status.code).toBe(SpanStatusCode.ERROR);
  });
});
