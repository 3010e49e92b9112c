import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { ProblemDetailsView } from '../errors/problem-details.view';
import { withProblemResponses } from './problem-responses';

export function setupSwagger(app: INestApplication, config: AppConfig): void {
  const doc = new DocumentBuilder()
    .setTitle('orderflow')
    .setDescription(
      `Event-driven order processing over RabbitMQ. Modules loaded here: ${config.appModules.join(', ')}. ` +
        'Place an order, then follow it with GET /orders/{id}' +
        (config.devMailboxEnabled ? ' and read the email at GET /dev/mailbox.' : '.'),
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'API key',
      description: 'ADMIN_API_KEY',
    })
    .build();
  const document = () =>
    withProblemResponses(
      SwaggerModule.createDocument(app, doc, { extraModels: [ProblemDetailsView] }),
    );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
