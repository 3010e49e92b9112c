import { Product } from './product';
import { describeShortages, findShortages, mergeLines } from './stock-reservation';

const products = new Map<string, Product>([
  ['A', { sku: 'A', name: 'A', price: 1, currency: 'EUR', available: 3, reserved: 0 }],
  ['B', { sku: 'B', name: 'B', price: 1, currency: 'EUR', available: 0, reserved: 4 }],
]);

describe('stock reservation rules', () => {
  it('merges repeated SKUs so a split line cannot dodge the check', () => {
    expect(
      mergeLines([
        { sku: 'A', quantity: 2 },
        { sku: 'A', quantity: 2 },
      ]),
    ).toEqual([{ sku: 'A', quantity: 4 }]);
    expect(
      findShortages(
        [
          { sku: 'A', quantity: 2 },
          { sku: 'A', quantity: 2 },
        ],
        products,
      ),
    ).toEqual([{ sku: 'A', requested: 4, available: 3 }]);
  });

  it('finds nothing short when every line fits exactly', () => {
    expect(findShortages([{ sku: 'A', quantity: 3 }], products)).toEqual([]);
  });

  it('reports each short line with what is available; unknown SKUs have none', () => {
    expect(
      findShortages(
        [
          { sku: 'A', quantity: 1 },
          { sku: 'B', quantity: 1 },
          { sku: 'Z', quantity: 2 },
        ],
        products,
      ),
    ).toEqual([
      { sku: 'B', requested: 1, available: 0 },
      { sku: 'Z', requested: 2, available: 0 },
    ]);
  });

  it('describes shortages for people', () => {
    expect(describeShortages([{ sku: 'B', requested: 2, available: 1 }])).toBe(
      'Out of stock: B (requested 2, available 1)',
    );
  });
});
