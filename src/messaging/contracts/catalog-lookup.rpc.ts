import { ArrayMaxSize, IsString } from 'class-validator';
import { ProductUpdated } from './product-updated.event';

/** Request/reply contract: ask inventory for products by SKU (an empty list means all). */
export class CatalogLookupRequest {
  static readonly routingKey = 'inventory.catalog.lookup';

  @IsString({ each: true })
  @ArrayMaxSize(1000)
  skus: string[];
}

export class CatalogLookupReply {
  products: ProductUpdated[];
  unknownSkus: string[];
}
