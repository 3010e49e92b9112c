import { MailerModule } from '@nestjs-modules/mailer';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../common/config/app-config';
import { featurePersistence, storeAdapters } from '../messaging';
import { NotificationsEventsController } from './api/notifications-events.controller';
import { NotificationsController } from './api/notifications.controller';
import { MailSender } from './application/mail-sender';
import { NotificationQueries } from './application/notification.queries';
import { NotificationRepository } from './application/notification.repository';
import { SendOrderEmailUseCase } from './application/send-order-email.use-case';
import { EmailTemplates } from './application/email-templates';
import { DevMailboxController } from './dev-mailbox/dev-mailbox.controller';
import { DevMailboxModule } from './dev-mailbox/dev-mailbox.module';
import { SmtpCatcher } from './dev-mailbox/smtp-catcher';
import { InMemoryNotificationRepository } from './infrastructure/in-memory-notification.repository';
import { MongoNotificationRepository } from './infrastructure/mongo-notification.repository';
import { mailTransportOptions } from './infrastructure/mail-transport';
import { MailTransportHealth } from './infrastructure/mail-transport.health';
import { NodemailerMailSender } from './infrastructure/nodemailer-mail.sender';

@Module({})
export class NotificationsModule {
  static forRoot(config: AppConfig): DynamicModule {
    // No events to map and nothing declared in `publishes`: notifications sends nothing, and its
    // broker user may not either. Its inbox lives in its own store.
    const persistence = featurePersistence('notifications', config, {
      stores: [
        storeAdapters(
          NotificationRepository,
          () => new InMemoryNotificationRepository(),
          (c) => new MongoNotificationRepository(c),
        ),
      ],
    });
    return {
      module: NotificationsModule,
      imports: [
        DevMailboxModule,
        MailerModule.forRootAsync({
          imports: [DevMailboxModule],
          inject: [AppConfig, SmtpCatcher],
          useFactory: (c: AppConfig, catcher: SmtpCatcher) => ({
            transport: mailTransportOptions(c, catcher.port),
            // Both parts are rendered by EmailTemplates, so the mailer needs no template adapter.
            defaults: { from: c.mailFrom },
          }),
        }),
        ...persistence.imports,
      ],
      controllers: [
        NotificationsController,
        NotificationsEventsController,
        ...(config.devMailboxEnabled ? [DevMailboxController] : []),
      ],
      providers: [
        ...persistence.providers,
        { provide: MailSender, useClass: NodemailerMailSender },
        EmailTemplates,
        MailTransportHealth,
        SendOrderEmailUseCase,
        NotificationQueries,
      ],
    };
  }
}
