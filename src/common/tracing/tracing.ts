import { OnApplicationShutdown } from '@nestjs/common';
import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { TracingSettings } from '../config/tracing-settings';

export interface TracingOptions {
  /** Replace the OTLP export and turn tracing on without an endpoint (tests, the bench). */
  spanProcessors?: SpanProcessor[];
}

/** Spans still buffered at shutdown get this long to leave; a dead collector must not hold up exit. */
const SHUTDOWN_MS = 3000;

/**
 * The process's tracer provider, registered globally (context manager, W3C propagator, tracer)
 * so the API's trace.getTracer() anywhere reaches it. One traced app per process, like the
 * message taps: a second start takes the globals over.
 */
export class Tracing implements OnApplicationShutdown {
  private readonly cleanups: Array<() => void> = [];
  private stopping?: Promise<void>;

  private constructor(private readonly provider: NodeTracerProvider) {}

  /** Undefined, and nothing registered, when there is nowhere to send spans. */
  static start(settings: TracingSettings, options: TracingOptions = {}): Tracing | undefined {
    const processors = options.spanProcessors ?? otlpProcessors(settings);
    if (!processors) return undefined;
    Tracing.releaseGlobals();
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({
        [ATTR_SERVICE_NAME]: settings.otelServiceName,
        'process.pid': process.pid,
      }),
      spanProcessors: processors,
    });
    // traceparent/tracestate only: baggage would carry arbitrary caller data across the broker.
    provider.register({ propagator: new W3CTraceContextPropagator() });
    return new Tracing(provider);
  }

  /** Runs on shutdown, e.g. a tap's unregister. */
  onShutdown(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  forceFlush(): Promise<void> {
    return this.provider.forceFlush();
  }

  /** Nest calls this on app.close(); a provider by value (TracingModule) still gets the hook. */
  onApplicationShutdown(): Promise<void> {
    return this.shutdown();
  }

  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      for (const cleanup of this.cleanups.splice(0)) cleanup();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_MS)));
      await Promise.race([this.provider.shutdown().catch(() => undefined), late]);
      clearTimeout(timer);
      Tracing.releaseGlobals();
    })();
    return this.stopping;
  }

  private static releaseGlobals(): void {
    trace.disable();
    propagation.disable();
    context.disable();
  }
}

function otlpProcessors(settings: TracingSettings): SpanProcessor[] | undefined {
  const endpoint = settings.otelExporterOtlpEndpoint;
  if (!endpoint) return undefined;
  const url = `${endpoint.replace(/\/+$/, '')}/v1/traces`;
  return [new BatchSpanProcessor(new OTLPTraceExporter({ url }))];
}
