/** A quantity of one SKU, as an order asks for it and as a reservation holds it. */
export interface StockLine {
  sku: string;
  quantity: number;
}

/** Why a line could not be reserved: what was asked against what was there. */
export interface Shortage {
  sku: string;
  requested: number;
  available: number;
}

/** Adds up repeated SKUs so a line can't dodge the check by being split in two. */
export function mergeLines(lines: StockLine[]): StockLine[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.sku, (merged.get(l.sku) ?? 0) + l.quantity);
  return [...merged].map(([sku, quantity]) => ({ sku, quantity }));
}

export function describeShortages(shortages: Shortage[]): string {
  const each = shortages.map(
    (s) => `${s.sku} (requested ${s.requested}, available ${s.available})`,
  );
  return `Out of stock: ${each.join(', ')}`;
}
