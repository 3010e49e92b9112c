import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { plainToInstance } from 'class-transformer';
import { TracingSettings } from '../config/tracing-settings';
import { Tracing } from './tracing';

const settings = (values: Partial<TracingSettings> = {}) =>
  plainToInstance(TracingSettings, values);
const recording = () => trace.getTracer('t').startSpan('probe').isRecording();

describe('Tracing', () => {
  it('registers nothing without an endpoint: the API stays a no-op', () => {
    expect(Tracing.start(settings())).toBeUndefined();
    expect(recording()).toBe(false);
    const carrier: Record<string, string> = {};
    propagation.inject(context.active(), carrier);
    expect(carrier).toEqual({});
  });

  it('records and propagates W3C context while started, and lets go of the globals on shutdown', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = Tracing.start(settings({ otelServiceName: 'svc' }), {
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    })!;
    const cleanup = jest.fn();
    tracing.onShutdown(cleanup);
    const span = trace.getTracer('t').startSpan('work');
    const carrier: Record<string, string> = {};
    context.with(trace.setSpan(context.active(), span), () =>
      propagation.inject(context.active(), carrier),
    );
    span.end();
    expect(carrier.traceparent).toContain(span.spanContext().traceId);
    expect(exporter.getFinishedSpans()[0].resource.attributes['service.name']).toBe('svc');
    await tracing.onApplicationShutdown();
    await tracing.shutdown(); // twice is fine (app.close and a failed start)
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(recording()).toBe(false);
  });

  it('exports over OTLP/HTTP when an endpoint is set', async () => {
    const tracing = Tracing.start(settings({ otelExporterOtlpEndpoint: 'http://127.0.0.1:9/' }));
    expect(tracing).toBeDefined();
    expect(recording()).toBe(true);
    await tracing!.shutdown(); // the dead endpoint must not hold shutdown up past its bound
    expect(recording()).toBe(false);
  });
});
