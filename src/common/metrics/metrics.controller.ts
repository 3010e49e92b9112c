import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { prometheusContentType, Registry } from 'prom-client';

/**
 * Prometheus' scrape target. Open like /health: it names no order, customer or email (labels are
 * consumers, types, routes and statuses only), and a scraper rarely carries credentials.
 */
@ApiTags('monitoring')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @Header('Content-Type', prometheusContentType)
  @ApiProduces(prometheusContentType)
  @ApiOkResponse({ description: 'Every metric of this process, in Prometheus text format' })
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
