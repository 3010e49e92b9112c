import { OrderLine } from './order-line';
import { UnknownSkuError } from './unknown-sku.error';

export interface CatalogPrice {
  sku: string;
  name: string;
  price: number;
  currency: string;
}

/** Prices requested quantities from catalog entries; every SKU must be known. */
export function priceLines(
  requested: Array<{ sku: string; quantity: number }>,
  catalog: Map<string, CatalogPrice>,
): { items: OrderLine[]; currency: string } {
  const unknown = [...new Set(requested.filter((r) => !catalog.has(r.sku)).map((r) => r.sku))];
  if (unknown.length > 0) throw new UnknownSkuError(unknown);
  const merged = new Map<string, number>();
  for (const r of requested) merged.set(r.sku, (merged.get(r.sku) ?? 0) + r.quantity);
  const items = [...merged].map(([sku, quantity]) => {
    const p = catalog.get(sku)!;
    return { sku, name: p.name, quantity, unitPrice: p.price };
  });
  const currencies = new Set(items.map((i) => catalog.get(i.sku)!.currency));
  if (currencies.size > 1)
    throw new Error(`Mixed currencies in one order: ${[...currencies].join(', ')}`);
  return { items, currency: [...currencies][0] };
}
