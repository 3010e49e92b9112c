import { Schema } from 'mongoose';
import { ReservationProps } from '../domain/reservation.entity';

/** _id is the order id: at most one reservation per order, enforced by the primary key. */
export type ReservationDoc = Omit<ReservationProps, 'orderId'> & { _id: string };

export const ReservationSchema = new Schema<ReservationDoc>(
  {
    _id: String,
    items: [{ _id: false, sku: String, quantity: Number }],
    status: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true, min: 1 },
  },
  { collection: 'reservations', versionKey: false },
);

export const toReservationDoc = ({ orderId, ...rest }: ReservationProps): ReservationDoc => ({
  _id: orderId,
  ...rest,
});
export const fromReservationDoc = ({ _id, ...rest }: ReservationDoc): ReservationProps => ({
  orderId: _id,
  ...rest,
});
