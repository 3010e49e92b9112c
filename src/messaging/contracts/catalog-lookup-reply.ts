import { ProductUpdated } from './product-updated.event';

export class CatalogLookupReply {
  products: ProductUpdated[];
  unknownSkus: string[];
}
