import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { CacheSettings } from './cache-settings';

/**
 * Where traces go. Unset, the process registers no tracer provider: the OpenTelemetry API stays
 * a no-op and no tap or middleware is installed, so tracing off costs nothing.
 */
export class TracingSettings extends CacheSettings {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: an OTLP/HTTP receiver's base URL; spans go to `/v1/traces`. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, {
    message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL',
  })
  otelExporterOtlpEndpoint?: string;

  /** OTEL_SERVICE_NAME: how this process's spans are labelled, e.g. per split deployment. */
  @IsString()
  @MinLength(1, { message: 'OTEL_SERVICE_NAME must not be empty' })
  otelServiceName = 'orderflow';
}
