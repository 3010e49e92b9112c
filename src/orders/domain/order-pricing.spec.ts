import { CatalogPrice } from './catalog-price';
import { CatalogPriceRejectedError } from './catalog-price-rejected.error';
import { priceLines } from './order-pricing';
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
      'EUR',
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
        'EUR',
      );
      throw new Error('expected UnknownSkuError');
    } catch (e) {
      expect(e).toBeInstanceOf(UnknownSkuError);
      expect((e as UnknownSkuError).skus).toEqual(['X', 'Y']);
      expect((e as UnknownSkuError).code).toBe('ORDERS.UNKNOWN_SKU');
    }
  });

  it('refuses a line priced in another currency than the shop sells in, with a domain error', () => {
    const mixed = new Map(catalog).set('USD-ITEM', {
      sku: 'USD-ITEM',
      name: 'x',
      price: 1,
      currency: 'USD',
    });
    const order = [
      { sku: 'MUG', quantity: 1 },
      { sku: 'USD-ITEM', quantity: 1 },
    ];
    expect(() => priceLines(order, mixed, 'EUR')).toThrow(CatalogPriceRejectedError);
    expect(() => priceLines(order, mixed, 'EUR')).toThrow(
      'The catalog price of USD-ITEM cannot be used: priced in USD, but the shop sells in EUR',
    );
  });

  it.each([-1, 0.5, Number.NaN, 100_000_001])('refuses a catalog price of %p', (price) => {
    const bad = new Map(catalog).set('BAD', { sku: 'BAD', name: 'x', price, currency: 'EUR' });
    try {
      priceLines([{ sku: 'BAD', quantity: 1 }], bad, 'EUR');
      throw new Error('expected CatalogPriceRejectedError');
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogPriceRejectedError);
      expect((e as CatalogPriceRejectedError).code).toBe('ORDERS.CATALOG_PRICE_REJECTED');
      expect((e as CatalogPriceRejectedError).permanent).toBe(true);
    }
  });
});
