import { Connection, Model } from 'mongoose';
import { ConcurrentModificationError } from '../../common/errors/concurrent-modification.error';
import { isDuplicateKey } from '../../common/persistence/mongo-errors';
import { MongoTransaction, Transaction } from '../../messaging';
import { ReservationRepository } from '../application/reservation.repository';
import { Reservation } from '../domain/reservation.entity';
import {
  ReservationDoc,
  ReservationSchema,
  fromReservationDoc,
  toReservationDoc,
} from './reservation.schema';

/** Writes in the unit of work's session, so they commit or abort with its outbox rows. */
export class MongoReservationRepository extends ReservationRepository {
  private readonly model: Model<ReservationDoc>;

  constructor(connection: Connection) {
    super();
    this.model = connection.model<ReservationDoc>('Reservation', ReservationSchema);
  }

  async find(orderId: string): Promise<Reservation | undefined> {
    const doc = await this.model.findById(orderId).lean<ReservationDoc>();
    return doc ? Reservation.restore(fromReservationDoc(doc)) : undefined;
  }

  async save(reservation: Reservation, tx: Transaction): Promise<void> {
    const { session } = MongoTransaction.from(tx);
    const expected = reservation.persistedVersion;
    const { _id, ...fields } = toReservationDoc(reservation.snapshot());
    if (tx.tracks(reservation)) {
      // Saved before in this transaction: the row is ours until commit, its version already moved.
      await this.model.updateOne({ _id }, { $set: fields }, { session });
    } else if (expected === 0) {
      try {
        // The primary key makes the order's first decision the only one.
        await this.model.create([{ _id, ...fields }], { session });
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConcurrentModificationError('Reservation', _id);
        throw error;
      }
    } else {
      const res = await this.model.updateOne(
        { _id, version: expected },
        { $set: fields },
        { session },
      );
      if (res.matchedCount === 0) throw new ConcurrentModificationError('Reservation', _id);
    }
    tx.track(reservation);
  }
}
