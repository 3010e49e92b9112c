import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '../../common/config/app-config';
import { HealthCheckResult, HealthRegistry } from '../../common/health/health.registry';
import { SmtpCatcher } from '../dev-mailbox/smtp-catcher';
import { describeMailTransport, mailTransportOptions } from './mail-transport';

/**
 * Runs nodemailer's verify() once at startup, in the background: a mail server that is down
 * must not stop orders from flowing (mail is retried), but /health should say so.
 */
@Injectable()
export class MailTransportHealth implements OnApplicationBootstrap {
  private readonly logger = new Logger(MailTransportHealth.name);
  private result: HealthCheckResult = { status: 'unknown', detail: 'not verified yet' };

  constructor(
    private readonly config: AppConfig,
    private readonly catcher: SmtpCatcher,
    health: HealthRegistry,
  ) {
    health.register('mail', () => this.result);
  }

  onApplicationBootstrap(): void {
    void this.verify();
  }

  async verify(): Promise<HealthCheckResult> {
    const where = describeMailTransport(this.config, this.catcher.port);
    const transport = createTransport(mailTransportOptions(this.config, this.catcher.port));
    try {
      await transport.verify();
      this.result = { status: 'up', detail: where, checkedAt: new Date().toISOString() };
      this.logger.log(`Mail transport ready: ${where}`);
    } catch (error) {
      this.result = {
        status: 'down',
        detail: `${where}: ${(error as Error).message}`,
        checkedAt: new Date().toISOString(),
      };
      this.logger.warn(
        `Mail transport not reachable (${where}): ${(error as Error).message}; emails will be retried`,
      );
    } finally {
      transport.close();
    }
    return this.result;
  }
}
