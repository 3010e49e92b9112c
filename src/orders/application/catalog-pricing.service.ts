import { Injectable, Logger } from '@nestjs/common';
import { CatalogLookupReply, CatalogLookupRequest, RpcClient } from '../../messaging';
import { OrderLine } from '../domain/order-line';
import { priceLines } from '../domain/order-pricing';
import { CatalogReadModel } from './catalog-read-model';
import { CatalogSync } from './catalog-sync.service';
import { AppConfig } from '../../common/config/app-config';

/** Prices from the local read model; asks inventory (request/reply) only for SKUs it lacks. */
@Injectable()
export class CatalogPricingService {
  private readonly logger = new Logger(CatalogPricingService.name);

  constructor(
    private readonly catalog: CatalogReadModel,
    private readonly sync: CatalogSync,
    private readonly rpc: RpcClient,
    private readonly config: AppConfig,
  ) {}

  async price(
    requested: Array<{ sku: string; quantity: number }>,
  ): Promise<{ items: OrderLine[]; currency: string }> {
    const skus = [...new Set(requested.map((r) => r.sku))];
    const known = await this.catalog.getMany(skus);
    const missing = skus.filter((s) => !known.has(s));
    if (missing.length > 0) {
      // Stryker disable next-line StringLiteral: log text only; no behaviour reads it
      this.logger.log(`Asking inventory for ${missing.length} SKUs missing from the read model`);
      const reply = await this.rpc.request<CatalogLookupReply>(CatalogLookupRequest.routingKey, {
        skus: missing,
      });
      for (const p of reply.products) {
        const entry = { ...p, asOf: new Date(0) };
        await this.sync.apply(entry);
        known.set(p.sku, entry);
      }
    }
    return priceLines(requested, known, this.config.shopCurrency);
  }
}
