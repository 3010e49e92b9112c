import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HealthRegistry } from './health.registry';
import { ProcessFaultMonitor } from './process-fault.monitor';
import { Readiness } from './readiness';

@Global()
@Module({
  // A probe every few seconds during an outage must not log an error each time: the broker's
  // own lines say it once.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [HealthRegistry, ProcessFaultMonitor, Readiness],
  exports: [HealthRegistry],
})
export class HealthModule {}
