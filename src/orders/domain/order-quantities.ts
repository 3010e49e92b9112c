import { QuantityLimitExceededError } from './quantity-limit-exceeded.error';

/** The most units of one SKU a single order may hold. */
export const MAX_QUANTITY_PER_SKU = 1000;

/**
 * Sums repeated lines of a SKU into one, then applies the per-SKU cap. The cap must see the
 * merged line: checked per requested line only, 50 lines of 1000 would become one of 50 000.
 * Keeps the order in which each SKU first appeared.
 */
export function mergeQuantities(
  requested: Array<{ sku: string; quantity: number }>,
): Map<string, number> {
  const merged = new Map<string, number>();
  for (const r of requested) merged.set(r.sku, (merged.get(r.sku) ?? 0) + r.quantity);
  const exceeded = [...merged]
    .filter(([, quantity]) => quantity > MAX_QUANTITY_PER_SKU)
    .map(([sku, quantity]) => ({ sku, quantity }));
  if (exceeded.length > 0) throw new QuantityLimitExceededError(MAX_QUANTITY_PER_SKU, exceeded);
  return merged;
}
