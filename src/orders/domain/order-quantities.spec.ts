import { MAX_QUANTITY_PER_SKU, mergeQuantities } from './order-quantities';
import { QuantityLimitExceededError } from './quantity-limit-exceeded.error';

const lines = (sku: string, quantity: number, count: number) =>
  Array.from({ length: count }, () => ({ sku, quantity }));

function refusal(requested: Array<{ sku: string; quantity: number }>): QuantityLimitExceededError {
  try {
    mergeQuantities(requested);
  } catch (e) {
    if (e instanceof QuantityLimitExceededError) return e;
    throw e;
  }
  throw new Error('expected QuantityLimitExceededError');
}

describe('mergeQuantities', () => {
  it('merges repeated SKUs into one line, in first-seen order', () => {
    const merged = mergeQuantities([
      { sku: 'MUG', quantity: 400 },
      { sku: 'TEE', quantity: 1 },
      { sku: 'MUG', quantity: 400 },
    ]);
    expect([...merged]).toEqual([
      ['MUG', 800],
      ['TEE', 1],
    ]);
  });

  it('accepts exactly the cap on a merged line', () => {
    expect(mergeQuantities(lines('MUG', 500, 2)).get('MUG')).toBe(MAX_QUANTITY_PER_SKU);
  });

  it('refuses 50 lines of 1000 of one SKU, naming the SKU and the merged quantity', () => {
    const e = refusal(lines('MUG', 1000, 50));
    expect(e.code).toBe('ORDERS.QUANTITY_LIMIT_EXCEEDED');
    expect(e.kind).toBe('unprocessable');
    expect(e.details).toEqual({ maxPerSku: 1000, exceeded: [{ sku: 'MUG', quantity: 50_000 }] });
    expect(e.message).toContain('MUG has 50000');
  });

  it('refuses two lines of 600 of one SKU, each under the cap alone', () => {
    expect(refusal(lines('MUG', 600, 2)).exceeded).toEqual([{ sku: 'MUG', quantity: 1200 }]);
  });

  it('names every SKU over the cap, and only those', () => {
    const e = refusal([...lines('A', 999, 2), { sku: 'B', quantity: 5 }, ...lines('C', 700, 2)]);
    expect(e.exceeded).toEqual([
      { sku: 'A', quantity: 1998 },
      { sku: 'C', quantity: 1400 },
    ]);
  });
});
