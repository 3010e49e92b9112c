import { CatalogPrice, priceLines } from './order-pricing';
import { UnknownSkuError } from './unknown-sku.error';

const catalog = new Map<string, CatalogPrice>([
  ['MUG', { sku: 'MUG', name: 'Mug', price: 1250, currency: 'EUR' }],
  ['TEE', { sku: 'TEE', name: 'Tee', price: 2400, currency: 'EUR' }],
]);

describe('priceLines', () => {
  it('prices each line from the catalog and merges repeated SKUs', () => {
    const { items, currency } = priceLines(
      [
        { sku: 'MUG', quantity: 1 },
        { sku: 'TEE', quantity: 2 },
        { sku: 'MUG', quantity: 2 },
      ],
      catalog,
    );
    expect(currency).toBe('EUR');
    expect(items).toEqual([
      { sku: 'MUG', name: 'Mug', quantity: 3, unitPrice: 1250 },
      { sku: 'TEE', name: 'Tee', quantity: 2, unitPrice: 2400 },
    ]);
  });

  it('names every unknown SKU once', () => {
    try {
      priceLines(
        [
          { sku: 'X', quantity: 1 },
          { sku: 'MUG', quantity: 1 },
          { sku: 'Y', quantity: 1 },
          { sku: 'X', quantity: 1 },
        ],
        catalog,
      );
      throw new Error('expected UnknownSkuError');
    } catch (e) {
      expect(e).toBeInstanceOf(UnknownSkuError);
      expect((e as UnknownSkuError).skus).toEqual(['X', 'Y']);
      expect((e as UnknownSkuError).code).toBe('ORDERS.UNKNOWN_SKU');
    }
  });

  it('refuses to mix currencies in one order', () => {
    const mixed = new Map(catalog).set('USD-ITEM', {
      sku: 'USD-ITEM',
      name: 'x',
      price: 1,
      currency: 'USD',
    });
    expect(() =>
      priceLines(
        [
          { sku: 'MUG', quantity: 1 },
          { sku: 'USD-ITEM', quantity: 1 },
        ],
        mixed,
      ),
    ).toThrow(/Mixed currencies/);
  });
});
