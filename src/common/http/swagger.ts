import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { ProblemDetailsView } from '../errors/problem-details.view';
import { serveAsyncApi } from '../../messaging/asyncapi/asyncapi.docs';
import { ADMIN_SCHEME } from './admin-scheme';
import { withProblemResponses } from './problem-responses';

const VERSION = '0.1.0';

export function setupSwagger(app: INestApplication, config: AppConfig): void {
  const doc = new DocumentBuilder()
    .setTitle('orderflow')
    .setDescription(
      `Event-driven order processing over RabbitMQ. Modules loaded here: ${config.appModules.join(', ')}. ` +
        'Place an order, then follow it with GET /orders/{id}' +
        (config.devMailboxEnabled ? ' and read the email at GET /dev/mailbox.' : '.') +
        ' The messages between modules are in the AsyncAPI document: [/docs/events](/docs/events).',
    )
    .setVersion(VERSION)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        // Not a JWT: an opaque key, compared whole. Swagger UI shows this instead of "JWT".
        bearerFormat: 'ADMIN_API_KEY',
        description:
          'The admin API key: the value of ADMIN_API_KEY, sent as `Authorization: Bearer <key>`. ' +
          'Without ADMIN_API_KEY set, admin routes answer 403.',
      },
      ADMIN_SCHEME,
    )
    .build();
  const document = () =>
    withProblemResponses(
      SwaggerModule.createDocument(app, doc, { extraModels: [ProblemDetailsView] }),
    );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  serveAsyncApi(app, config, VERSION);
}
