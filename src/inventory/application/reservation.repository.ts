import { Transaction } from '../../messaging';
import { Reservation } from '../domain/reservation.entity';

/** Persistence port for reservations, one per order: load and save, no rules. */
export abstract class ReservationRepository {
  abstract find(orderId: string): Promise<Reservation | undefined>;
  /**
   * A new reservation (version 0) is inserted; if the order has one already, the commit fails
   * with ConcurrentModificationError, so two deliveries of one order can never both decide it.
   * A loaded one is stored as version + 1, with the same error if it changed meanwhile.
   */
  abstract save(reservation: Reservation, tx: Transaction): Promise<void>;
}
