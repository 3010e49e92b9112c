import { Transaction } from '../../messaging';
import { Reservation } from '../domain/reservation.entity';

/** Persistence port for reservations, one per order: load and save, no rules. */
export abstract class ReservationRepository {
  abstract find(orderId: string): Promise<Reservation | undefined>;
  /**
   * A new reservation (persistedVersion 0) is inserted; if the order has one already, the commit
   * fails with ConcurrentModificationError, so two deliveries of one order can never both decide
   * it. A loaded one is stored at its `version` over its `persistedVersion`, with the same error
   * if it changed meanwhile. Saving it again in the same unit of work stores its last state.
   */
  abstract save(reservation: Reservation, tx: Transaction): Promise<void>;
}
