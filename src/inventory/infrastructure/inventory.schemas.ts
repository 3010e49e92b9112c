import { Schema } from 'mongoose';
import { ReservationStatus } from '../domain/reservation';

export interface ProductDoc {
  _id: string;
  name: string;
  price: number;
  currency: string;
  available: number;
  reserved: number;
}

export interface ReservationDoc {
  _id: string;
  items: Array<{ sku: string; quantity: number }>;
  status: ReservationStatus;
  updatedAt: Date;
}

export const ProductSchema = new Schema<ProductDoc>(
  {
    _id: String,
    name: { type: String, required: true },
    price: { type: Number, required: true, min: 0 },
    currency: { type: String, required: true },
    available: { type: Number, required: true, min: 0 },
    reserved: { type: Number, required: true, min: 0 },
  },
  { collection: 'products', versionKey: false },
);

/** _id is the order id: at most one reservation per order, enforced by the primary key. */
export const ReservationSchema = new Schema<ReservationDoc>(
  {
    _id: String,
    items: [{ _id: false, sku: String, quantity: Number }],
    status: { type: String, required: true },
    updatedAt: Date,
  },
  { collection: 'reservations', versionKey: false },
);
