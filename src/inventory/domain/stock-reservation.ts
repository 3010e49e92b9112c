import { Product, Shortage, StockLine } from './product';

/** Adds up repeated SKUs so a line can't dodge the check by being split in two. */
export function mergeLines(lines: StockLine[]): StockLine[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.sku, (merged.get(l.sku) ?? 0) + l.quantity);
  return [...merged].map(([sku, quantity]) => ({ sku, quantity }));
}

/** What each line lacks; empty means every line can be reserved. Unknown SKUs have 0 available. */
export function findShortages(lines: StockLine[], products: Map<string, Product>): Shortage[] {
  return mergeLines(lines)
    .map((l) => ({
      sku: l.sku,
      requested: l.quantity,
      available: products.get(l.sku)?.available ?? 0,
    }))
    .filter((s) => s.available < s.requested);
}

export function describeShortages(shortages: Shortage[]): string {
  return `Out of stock: ${shortages.map((s) => `${s.sku} (requested ${s.requested}, available ${s.available})`).join(', ')}`;
}
