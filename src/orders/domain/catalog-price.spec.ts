import { CatalogPrice, MAX_PRICE_CENTS, checkCatalogPrice } from './catalog-price';
import { CatalogPriceRejectedError } from './catalog-price-rejected.error';

const entry = (over: Partial<CatalogPrice> = {}): CatalogPrice => ({
  sku: 'MUG',
  name: 'Mug',
  price: 1250,
  currency: 'EUR',
  ...over,
});

function refusal(price: CatalogPrice, shopCurrency = 'EUR'): CatalogPriceRejectedError {
  try {
    checkCatalogPrice(price, shopCurrency);
  } catch (e) {
    if (e instanceof CatalogPriceRejectedError) return e;
    throw e;
  }
  throw new Error('expected CatalogPriceRejectedError');
}

describe('checkCatalogPrice', () => {
  it('caps prices at one million in whole cents', () => {
    expect(MAX_PRICE_CENTS).toBe(100_000_000);
  });

  it.each([0, 1, 1250, MAX_PRICE_CENTS])('accepts %p cents in the shop currency', (price) => {
    expect(() => checkCatalogPrice(entry({ price }), 'EUR')).not.toThrow();
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_PRICE_CENTS + 1, 2 ** 53])(
    'refuses a price of %p, naming the SKU and the allowed range',
    (price) => {
      const e = refusal(entry({ sku: 'BAD', price }));
      expect(e.message).toBe(
        'The catalog price of BAD cannot be used: price must be whole cents from 0 to 100000000',
      );
      expect(e.details).toEqual({
        sku: 'BAD',
        reason: 'price must be whole cents from 0 to 100000000',
      });
    },
  );

  it('refuses a price in another currency, naming both currencies', () => {
    const e = refusal(entry({ currency: 'USD' }), 'EUR');
    expect(e.message).toBe(
      'The catalog price of MUG cannot be used: priced in USD, but the shop sells in EUR',
    );
  });

  it('checks the currency against the shop currency it is given, not a fixed one', () => {
    expect(() => checkCatalogPrice(entry({ currency: 'USD' }), 'USD')).not.toThrow();
    expect(refusal(entry({ currency: 'EUR' }), 'USD').message).toContain(
      'priced in EUR, but the shop sells in USD',
    );
  });

  it('quotes at most 8 characters of a foreign currency, even when it is not a string', () => {
    expect(refusal(entry({ currency: 'X'.repeat(500) })).message).toBe(
      'The catalog price of MUG cannot be used: priced in XXXXXXXX, but the shop sells in EUR',
    );
    const odd = entry({ currency: 1234567890 as unknown as string });
    expect(refusal(odd).message).toContain('priced in 12345678,');
  });

  it('checks the currency first: a foreign, negative price is refused for its currency', () => {
    expect(refusal(entry({ currency: 'USD', price: -5 })).message).toContain('priced in USD');
  });
});
