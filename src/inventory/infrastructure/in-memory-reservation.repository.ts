import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { InMemoryTransaction, Transaction } from '../../messaging';
import { ReservationRepository } from '../application/reservation.repository';
import { Reservation, ReservationProps } from '../domain/reservation.entity';

/** Rows are snapshots; writes are staged and land in the unit of work's synchronous commit. */
export class InMemoryReservationRepository extends ReservationRepository {
  private readonly rows = new Map<string, ReservationProps>();

  async find(orderId: string): Promise<Reservation | undefined> {
    const row = this.rows.get(orderId);
    return row && Reservation.restore(row);
  }

  async save(reservation: Reservation, tx: Transaction): Promise<void> {
    const row = reservation.snapshot();
    const expected = reservation.persistedVersion;
    InMemoryTransaction.from(tx).stage({
      // Checks run before any write of the commit, so a second save in one run expects the same.
      check: () => {
        // A new reservation expects no row at all (read as 0): the order must not be decided yet.
        const stored = this.rows.get(row.orderId)?.version ?? 0;
        if (stored !== expected) throw new ConcurrentModificationError('Reservation', row.orderId);
      },
      apply: () => this.rows.set(row.orderId, row),
    });
    tx.track(reservation);
  }
}
