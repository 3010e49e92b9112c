import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config';
import { checkCatalogPrice } from '../domain/catalog-price';
import { CatalogEntry, CatalogReadModel } from './catalog-read-model';

/**
 * The one way inventory's prices enter orders' read model, whether from a broadcast event, a
 * snapshot or a lookup. A price orders cannot sell at is refused here (a permanent domain
 * error: the event is parked with the reason), not discovered later as a failing order.
 */
@Injectable()
export class CatalogSync {
  constructor(
    private readonly catalog: CatalogReadModel,
    private readonly config: AppConfig,
  ) {}

  async apply(entry: CatalogEntry): Promise<void> {
    checkCatalogPrice(entry, this.config.shopCurrency);
    await this.catalog.upsert(entry);
  }
}
