import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { HealthRegistry } from './health.registry';
import { HealthView } from './health.view';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly config: AppConfig,
    private readonly registry: HealthRegistry,
  ) {}

  @Get()
  @ApiOkResponse({ type: HealthView })
  async check(): Promise<HealthView> {
    const checks = this.registry.report();
    return {
      status: this.registry.healthy(checks) ? 'ok' : 'degraded',
      storage: this.config.mongodbUri ? 'mongodb' : 'memory',
      modules: this.config.appModules,
      ...((await this.registry.collectDetails()) as Partial<HealthView>),
      checks,
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
    } as HealthView;
  }
}
