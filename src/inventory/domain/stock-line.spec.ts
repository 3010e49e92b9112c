import { describeShortages, mergeLines } from './stock-line';

describe('stock lines', () => {
  it('merges repeated SKUs, keeping the order in which each first appears', () => {
    expect(
      mergeLines([
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 3 },
      ]),
    ).toEqual([
      { sku: 'B', quantity: 4 },
      { sku: 'A', quantity: 2 },
    ]);
    expect(mergeLines([])).toEqual([]);
  });

  it('describes shortages for people, every one of them', () => {
    expect(
      describeShortages([
        { sku: 'B', requested: 2, available: 1 },
        { sku: 'Z', requested: 1, available: 0 },
      ]),
    ).toBe('Out of stock: B (requested 2, available 1), Z (requested 1, available 0)');
  });
});
