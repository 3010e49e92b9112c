import { percentiles } from '../lib/stats';
import type { CatalogCacheSection } from './catalog-cache-phase';
import { ADMIN_KEY } from './app-host';
import { Host, SKU } from './app-cluster';
import { request } from './load';

export interface CatalogSection {
  changes: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  /** From the catalog cache measure (catalog-cache-phase.ts); null if it could not run. */
  cached_reads_per_s?: number | null;
  eviction_ms_p99?: number | null;
  cache?: CatalogCacheSection;
  cache_error?: string;
}

const POLL_MS = 20;

/**
 * How long a price change in inventory takes to reach the prices orders charges: the product
 * event travels through the outbox, the broker and the orders module's read model. Measured by
 * changing the price and placing orders until one carries it (the read model has no public view).
 */
export async function catalogPropagation(host: Host, changes = 20): Promise<CatalogSection> {
  const samples: number[] = [];
  for (let i = 0; i < changes; i++) {
    const price = 5000 + i;
    const put = await request(
      'PUT',
      `${host.inventory.url}/inventory/products/${SKU}`,
      { price },
      { authorization: `Bearer ${ADMIN_KEY}` },
    );
    if (put.status !== 200) throw new Error(`PUT price answered ${put.status}`);
    const changedAt = performance.now();
    for (;;) {
      const res = await request('POST', `${host.url}/orders`, {
        customerEmail: `catalog+${i}@example.com`,
        items: [{ sku: SKU, quantity: 1 }],
        paymentToken: 'tok_visa',
      });
      const unitPrice = (res.json as { items?: Array<{ unitPrice: number }> }).items?.[0]
        ?.unitPrice;
      if (unitPrice === price) break;
      if (performance.now() - changedAt > 30_000) throw new Error('price change never arrived');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    samples.push(performance.now() - changedAt);
  }
  // Every change arrived (or the loop threw), so no percentile is missing.
  const [p50, p95, max] = percentiles(samples, [50, 95, 100]) as number[];
  return { changes, p50_ms: p50, p95_ms: p95, max_ms: max };
}
