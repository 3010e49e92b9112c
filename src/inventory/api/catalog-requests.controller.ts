import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CatalogLookupReply, CatalogLookupRequest, OnRequest } from '../../messaging';
import { CatalogUseCases } from '../application/catalog.use-cases';

/** Answers a module that needs the whole catalog now (orders filling its read model at start). */
@Controller()
export class CatalogRequestsController {
  constructor(private readonly catalog: CatalogUseCases) {}

  @OnRequest(CatalogLookupRequest.routingKey, CatalogLookupRequest)
  lookup(@Payload() req: CatalogLookupRequest): Promise<CatalogLookupReply> {
    return this.catalog.lookup(req.skus);
  }
}
