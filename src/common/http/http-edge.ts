import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
import { CORRELATION_HEADER, correlationMiddleware } from '../correlation/correlation.middleware';
import { ProblemFilter } from '../errors/problem.filter';
import { HttpMetrics } from '../metrics/http.metrics';
import { validationProblem } from '../errors/validation-problem.factory';
import { bodyParserProblems, jsonBodyParserOptions, requireJsonBody } from './json-body.middleware';
import { setupSwagger } from './swagger';

/**
 * Everything between the socket and a controller, in the order a request meets it. The app is
 * created with `bodyParser: false` so the only body parser is the bounded one registered here.
 */
export function configureHttpEdge(
  app: NestExpressApplication,
  config: AppConfig,
  requestLog?: RequestHandler,
): void {
  app.disable('x-powered-by');
  // Before everything else, so a request refused by any later step is timed and counted too.
  app.use(app.get(HttpMetrics).middleware);
  // Then the correlation id, so every later refusal (even of a body) carries it.
  app.use(correlationMiddleware);
  // One line per request (pino), inside the correlation id's scope so the line names it.
  if (requestLog) app.use(requestLog);
  // The app speaks plain HTTP (TLS ends at a proxy, or it is a laptop): a browser told to upgrade
  // every request would fetch the Swagger UI's own scripts over https://localhost and fail.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.corsOrigins.length > 0)
    app.enableCors({
      origin: config.corsOrigins,
      exposedHeaders: [CORRELATION_HEADER, 'Retry-After'],
    });
  app.use(requireJsonBody);
  app.useBodyParser('json', jsonBodyParserOptions(config.bodyLimitBytes));
  app.use(bodyParserProblems);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: validationProblem,
    }),
  );
  app.useGlobalFilters(new ProblemFilter());
  if (config.docsServed) setupSwagger(app, config);
}
