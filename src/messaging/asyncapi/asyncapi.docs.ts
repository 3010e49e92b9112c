import type { INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../../common/config/app-config';
import { appModuleMessaging } from '../topology/permissions/app-broker-users';
import { AsyncApiDocument, buildAsyncApi } from './asyncapi.document';
import { renderAsyncApiPage } from './asyncapi.page';

export const ASYNCAPI_JSON_PATH = '/docs/asyncapi.json';
export const ASYNCAPI_PAGE_PATH = '/docs/events';

/** The whole app's messaging, whichever modules this process runs: built once, on first ask. */
export function serveAsyncApi(app: INestApplication, config: AppConfig, version: string): void {
  let doc: AsyncApiDocument | undefined;
  const document = (): AsyncApiDocument =>
    (doc ??= buildAsyncApi(appModuleMessaging(config), {
      prefix: config.amqpNamePrefix,
      retryDelaysMs: config.retryDelaysMs,
      version,
      loaded: config.appModules,
    }));
  const http = app.getHttpAdapter();
  http.get(ASYNCAPI_JSON_PATH, (_req: Request, res: Response) => res.json(document()));
  http.get(ASYNCAPI_PAGE_PATH, (_req: Request, res: Response) =>
    res.type('html').send(renderAsyncApiPage(document())),
  );
}
