import { ArrayMaxSize, IsString } from 'class-validator';

/** Request/reply contract: ask inventory for products by SKU (an empty list means all). */
export class CatalogLookupRequest {
  static readonly routingKey = 'inventory.catalog.lookup';

  @IsString({ each: true })
  @ArrayMaxSize(1000)
  skus: string[];
}
