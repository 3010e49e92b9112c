import { CatalogPrice, checkCatalogPrice } from './catalog-price';
import { OrderLine } from './order-line';
import { mergeQuantities } from './order-quantities';
import { UnknownSkuError } from './unknown-sku.error';

/** Prices requested quantities from catalog entries; every SKU must be known and sellable. */
export function priceLines(
  requested: Array<{ sku: string; quantity: number }>,
  catalog: Map<string, CatalogPrice>,
  shopCurrency: string,
): { items: OrderLine[]; currency: string } {
  const unknown = [...new Set(requested.filter((r) => !catalog.has(r.sku)).map((r) => r.sku))];
  if (unknown.length > 0) throw new UnknownSkuError(unknown);
  const items = [...mergeQuantities(requested)].map(([sku, quantity]) => {
    const p = catalog.get(sku)!;
    checkCatalogPrice(p, shopCurrency);
    return { sku, name: p.name, quantity, unitPrice: p.price };
  });
  return { items, currency: shopCurrency };
}
