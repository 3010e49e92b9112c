import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OnEvent, ProductUpdated } from '../../messaging';
import { CatalogQueries } from '../application/catalog.queries';

const ME = 'inventory';

/**
 * Inventory's own product changes, heard by every instance (each has its queue on the fanout):
 * whichever instance wrote, every instance's cache evicts. The writer never deletes keys itself.
 */
@Controller()
export class CatalogCacheEventsController {
  constructor(private readonly catalog: CatalogQueries) {}

  @OnEvent(ProductUpdated, ME, { broadcast: true })
  onProductUpdated(@Payload() e: ProductUpdated): Promise<void> {
    return this.catalog.evict(e.sku);
  }
}
