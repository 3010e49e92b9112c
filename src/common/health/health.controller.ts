import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';
import { HealthRegistry } from './health.registry';
import { HealthView } from './health.view';
import { Readiness } from './readiness';

const NOT_READY = 503;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly config: AppConfig,
    private readonly registry: HealthRegistry,
    private readonly readiness: Readiness,
    private readonly terminus: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** Everything each module reports; 503, as /health/ready, while the process is not ready. */
  @Get()
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'Not ready: see checks' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    const checks = await this.registry.report();
    const ready = this.registry.healthy(checks);
    if (!ready) res.status(NOT_READY);
    return {
      status: ready ? 'ok' : 'degraded',
      storage: this.config.mongodbUri ? 'mongodb' : 'memory',
      modules: this.config.appModules,
      ...((await this.registry.collectDetails()) as Partial<HealthView>),
      checks,
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
    } as HealthView;
  }

  /** Liveness: the process answers. Nothing outside it (broker, database) is asked. */
  @Get('live')
  @ApiOkResponse({ description: 'The process runs and its event loop answers' })
  live() {
    const uptimeSeconds = Math.round(process.uptime() * 10) / 10;
    return this.terminus.check([
      async () => this.indicators.check('process').up({ uptimeSeconds }),
    ]);
  }

  /** Readiness: may this process take traffic? 503 while any critical check is down. */
  @Get('ready')
  @ApiOkResponse({ description: 'Every critical check is up' })
  @ApiServiceUnavailableResponse({ description: 'A critical check is down; its detail says why' })
  async ready(@Res({ passthrough: true }) res: Response) {
    const answer = await this.readiness.answer();
    if (!answer.ready) res.status(NOT_READY);
    return answer.body;
  }
}
