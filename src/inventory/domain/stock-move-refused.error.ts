import { DomainError } from '../../common/errors/domain.error';

export type StockMove = 'reserve' | 'release' | 'commit';

/**
 * A stock move that would leave a count negative. The reservation checks before it moves, so
 * this only fires on a bug; it stops the bug from corrupting the counts.
 */
export class StockMoveRefusedError extends DomainError {
  readonly code = 'INVENTORY.STOCK_MOVE_REFUSED';
  readonly kind = 'conflict' as const;

  constructor(sku: string, move: StockMove, quantity: number, held: number) {
    const of = move === 'reserve' ? 'available' : 'reserved';
    super(`Cannot ${move} ${quantity} of ${sku}: ${held} ${of}`, { sku, move, quantity, held });
  }
}
