import { money, orderNumber, plainReason } from './email-wording';

describe('email wording', () => {
  it('shortens an order id to six upper-case hex digits', () => {
    expect(orderNumber('a1b2c3d4-0000-4000-8000-000000000000')).toBe('#A1B2C3');
  });

  it.each([
    [1999, 'EUR', '€19.99'],
    [500, 'USD', '$5.00'],
    [123456, 'GBP', '£1,234.56'],
    [1999, 'QQ1', 'QQ1 19.99'],
  ])('formats %i cents of %s as %s', (cents, currency, shown) => {
    expect(money(cents, currency)).toBe(shown);
  });

  it.each([
    [
      'Payment declined: Your card was declined.',
      'The payment did not go through: your card was declined.',
    ],
    ['Payment timed out', 'The payment did not complete in time.'],
    ['Cancelled by the customer', 'You asked us to cancel it.'],
    ['Out of stock: MUG (requested 3, available 1)', 'Some items are out of stock.'],
    ['warehouse closed..', 'Warehouse closed.'],
  ])('says %j as %j', (reason, said) => {
    expect(plainReason(reason)).toBe(said);
  });
});
