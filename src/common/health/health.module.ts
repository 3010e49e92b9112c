import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';
import { ProcessFaultMonitor } from './process-fault.monitor';

@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthRegistry, ProcessFaultMonitor],
  exports: [HealthRegistry],
})
export class HealthModule {}
