import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import express from 'express';
import request from 'supertest';
import { httpServerSpans } from './http-server-span.middleware';

describe('httpServerSpans', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const app = express();
  let activeInHandler: string | undefined;

  beforeAll(() => {
    provider.register({ propagator: new W3CTraceContextPropagator() });
    app.use(httpServerSpans(provider.getTracer('test')));
    app.get('/orders/:id', (_req, res) => {
      activeInHandler = trace.getActiveSpan()?.spanContext().spanId;
      res.json({});
    });
    app.get('/boom', (_req, res) => res.status(503).end());
    app.get('/health/ready', (_req, res) => res.end());
  });
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  const spans = async (n: number) => {
    for (let i = 0; i < 50 && exporter.getFinishedSpans().length < n; i++)
      await new Promise((r) => setTimeout(r, 10));
    return exporter.getFinishedSpans();
  };

  it('names the SERVER span by route, is active in the handler, and joins a caller trace', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await request(app)
      .get('/orders/42')
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .expect(200);
    const [span] = await spans(1);
    expect(span.name).toBe('GET /orders/:id');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe(traceId);
    expect(activeInHandler).toBe(span.spanContext().spanId);
    expect(span.attributes).toMatchObject({
      'http.route': '/orders/:id',
      'http.response.status_code': 200,
      'url.path': '/orders/42',
    });
  });

  it('marks a 5xx as an error, names an unrouted request by method only, skips probes', async () => {
    await request(app).get('/boom').expect(503);
    await request(app).get('/nowhere').expect(404);
    await request(app).get('/health/ready').expect(200);
    const finished = await spans(2);
    expect(finished.map((s) => s.name).sort()).toEqual(['GET', 'GET /boom']);
    expect(finished.find((s) => s.name === 'GET /boom')?.status.code).toBe(SpanStatusCode.ERROR);
  });
});
