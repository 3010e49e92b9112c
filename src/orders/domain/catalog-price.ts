import { CatalogPriceRejectedError } from './catalog-price-rejected.error';

export interface CatalogPrice {
  sku: string;
  name: string;
  price: number;
  currency: string;
}

/** Integer cents; far above any real price, far below where sums lose precision. */
export const MAX_PRICE_CENTS = 100_000_000;

/**
 * The shop sells in one currency, in whole cents. Checked where a price enters orders' read
 * model and again where an order is priced, so a price that slipped in earlier still cannot
 * reach an order (it would have mixed currencies, or made a negative total).
 */
export function checkCatalogPrice(entry: CatalogPrice, shopCurrency: string): void {
  if (entry.currency !== shopCurrency)
    throw new CatalogPriceRejectedError(
      entry.sku,
      `priced in ${String(entry.currency).slice(0, 8)}, but the shop sells in ${shopCurrency}`,
    );
  if (!Number.isSafeInteger(entry.price) || entry.price < 0 || entry.price > MAX_PRICE_CENTS)
    throw new CatalogPriceRejectedError(
      entry.sku,
      `price must be whole cents from 0 to ${MAX_PRICE_CENTS}`,
    );
}
