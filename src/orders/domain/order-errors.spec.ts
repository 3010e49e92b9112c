import { DuplicateIdempotencyKeyError } from '../application/duplicate-idempotency-key.error';
import { CatalogPriceRejectedError } from './catalog-price-rejected.error';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { InvalidIdempotencyKeyError } from './invalid-idempotency-key.error';
import { OrderAlreadyFinalError } from './order-already-final.error';
import { OrderNotFoundError } from './order-not-found.error';
import { OrderStatus } from './order-status';
import { QuantityLimitExceededError } from './quantity-limit-exceeded.error';
import { UnknownSkuError } from './unknown-sku.error';

/** What clients read and branch on: the stable code, the kind (HTTP status), message, details. */
describe('Orders domain errors', () => {
  it.each([
    [
      new CatalogPriceRejectedError('MUG', 'too dear'),
      'CatalogPriceRejectedError',
      'ORDERS.CATALOG_PRICE_REJECTED',
      'unprocessable',
      'The catalog price of MUG cannot be used: too dear',
      { sku: 'MUG', reason: 'too dear' },
    ],
    [
      new IdempotencyKeyReusedError(),
      'IdempotencyKeyReusedError',
      'ORDERS.IDEMPOTENCY_KEY_REUSED',
      'conflict',
      'This Idempotency-Key was already used with a different request body',
      undefined,
    ],
    [
      new InvalidIdempotencyKeyError(255, 300),
      'InvalidIdempotencyKeyError',
      'ORDERS.INVALID_IDEMPOTENCY_KEY',
      'invalid',
      'Idempotency-Key must be 1-255 printable ASCII characters (spaces allowed only inside); ' +
        'got 300 characters',
      { maxLength: 255, length: 300 },
    ],
    [
      new OrderAlreadyFinalError('o-2', OrderStatus.REJECTED),
      'OrderAlreadyFinalError',
      'ORDERS.ALREADY_FINAL',
      'conflict',
      'Order o-2 is already REJECTED and can no longer be cancelled',
      { orderId: 'o-2', status: 'REJECTED' },
    ],
    [
      new OrderNotFoundError('o-3'),
      'OrderNotFoundError',
      'ORDERS.NOT_FOUND',
      'not-found',
      'Order o-3 not found',
      { orderId: 'o-3' },
    ],
    [
      new QuantityLimitExceededError(1000, [
        { sku: 'A', quantity: 1001 },
        { sku: 'B', quantity: 2000 },
      ]),
      'QuantityLimitExceededError',
      'ORDERS.QUANTITY_LIMIT_EXCEEDED',
      'unprocessable',
      'At most 1000 units per SKU, counting repeated lines together: A has 1001, B has 2000',
      {
        maxPerSku: 1000,
        exceeded: [
          { sku: 'A', quantity: 1001 },
          { sku: 'B', quantity: 2000 },
        ],
      },
    ],
    [
      new UnknownSkuError(['X']),
      'UnknownSkuError',
      'ORDERS.UNKNOWN_SKU',
      'unprocessable',
      'Unknown SKU: X',
      { skus: ['X'] },
    ],
    [
      new UnknownSkuError(['X', 'Y']),
      'UnknownSkuError',
      'ORDERS.UNKNOWN_SKU',
      'unprocessable',
      'Unknown SKUs: X, Y',
      { skus: ['X', 'Y'] },
    ],
  ])('%s reads as %s %s (%s)', (error, name, code, kind, message, details) => {
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
    expect(error.details).toStrictEqual(details);
    expect(error.permanent).toBe(true);
  });

  it('keeps the SKUs and limits it names as fields', () => {
    expect(new UnknownSkuError(['X', 'Y']).skus).toEqual(['X', 'Y']);
    const over = new QuantityLimitExceededError(5, [{ sku: 'A', quantity: 6 }]);
    expect(over.maxPerSku).toBe(5);
    expect(over.exceeded).toEqual([{ sku: 'A', quantity: 6 }]);
  });

  it('names the taken key on the internal duplicate-key signal', () => {
    const e = new DuplicateIdempotencyKeyError('key-1');
    expect(e.key).toBe('key-1');
    expect(e.message).toBe('Idempotency key key-1 is taken');
  });
});
