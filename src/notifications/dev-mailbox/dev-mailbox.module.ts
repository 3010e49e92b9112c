import { Module } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { SmtpCatcher } from './smtp-catcher';

/** Starts the catcher before the mailer builds its transport, so the transport knows the port. */
@Module({
  providers: [
    {
      provide: SmtpCatcher,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const catcher = new SmtpCatcher();
        if (config.devMailboxEnabled) await catcher.start(config.mailCatcherPort);
        return catcher;
      },
    },
  ],
  exports: [SmtpCatcher],
})
export class DevMailboxModule {}
