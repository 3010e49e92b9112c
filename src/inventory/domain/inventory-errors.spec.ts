import { DomainError } from '../../common/errors/domain.error';
import { ProductNotFoundError } from './product-not-found.error';
import { StockBelowReservedError } from './stock-below-reserved.error';
import { StockMoveRefusedError } from './stock-move-refused.error';

describe('inventory domain errors', () => {
  it('ProductNotFoundError is a permanent not-found that tells how to create the product', () => {
    const error = new ProductNotFoundError('SKU-MUG');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('ProductNotFoundError');
    expect(error.code).toBe('INVENTORY.PRODUCT_NOT_FOUND');
    expect(error.kind).toBe('not-found');
    expect(error.permanent).toBe(true);
    expect(error.message).toBe(
      'Product SKU-MUG not found; give name, price and stock to create it',
    );
    expect(error.details).toEqual({ sku: 'SKU-MUG' });
  });

  it('StockBelowReservedError is a permanent conflict naming the SKU and the refused stock', () => {
    const error = new StockBelowReservedError('SKU-TEE', 3);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('StockBelowReservedError');
    expect(error.code).toBe('INVENTORY.STOCK_BELOW_RESERVED');
    expect(error.kind).toBe('conflict');
    expect(error.permanent).toBe(true);
    expect(error.message).toBe('Stock of SKU-TEE cannot be set to 3: more than that is reserved');
    expect(error.details).toEqual({ sku: 'SKU-TEE', stock: 3 });
  });

  it('StockMoveRefusedError is a permanent conflict naming the move and what was there', () => {
    const error = new StockMoveRefusedError('SKU-CAP', 'release', 4, 1);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('StockMoveRefusedError');
    expect(error.code).toBe('INVENTORY.STOCK_MOVE_REFUSED');
    expect(error.kind).toBe('conflict');
    expect(error.permanent).toBe(true);
    expect(error.message).toBe('Cannot release 4 of SKU-CAP: 1 reserved');
    expect(error.details).toEqual({ sku: 'SKU-CAP', move: 'release', quantity: 4, held: 1 });
    expect(new StockMoveRefusedError('SKU-CAP', 'reserve', 2, 0).message).toBe(
      'Cannot reserve 2 of SKU-CAP: 0 available',
    );
  });
});
