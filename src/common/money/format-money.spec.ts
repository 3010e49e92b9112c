import { formatMoney } from './format-money';

describe('formatMoney', () => {
  it.each([
    [2500, 'EUR', '25.00 EUR'],
    [1999, 'EUR', '19.99 EUR'],
    [5, 'USD', '0.05 USD'],
    [0, 'EUR', '0.00 EUR'],
    [-250, 'EUR', '-2.50 EUR'],
    [123456789, 'GBP', '1234567.89 GBP'],
  ])('%i cents in %s reads %s', (cents, currency, text) => {
    expect(formatMoney(cents, currency)).toBe(text);
  });

  it('never pretends a fraction of a cent is whole cents', () => {
    expect(formatMoney(12.5, 'EUR')).toBe('12.5 (minor units) EUR');
  });
});
