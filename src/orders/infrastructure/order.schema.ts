import { Schema } from 'mongoose';
import { OrderStatus } from '../domain/order-status';
import { OrderProps } from '../domain/order.entity';

/** The stored shape is the aggregate's snapshot, keyed by order id. */
export type OrderDoc = Omit<OrderProps, 'id'> & { _id: string };

export const OrderSchema = new Schema<OrderDoc>(
  {
    _id: String,
    customerEmail: { type: String, required: true },
    items: [{ _id: false, sku: String, name: String, quantity: Number, unitPrice: Number }],
    currency: String,
    status: { type: String, enum: Object.values(OrderStatus), required: true },
    history: [{ _id: false, status: String, at: Date, reason: String }],
    createdAt: Date,
    updatedAt: Date,
    version: { type: Number, required: true },
    invoiceNumber: String,
  },
  { collection: 'orders', versionKey: false },
);
// Both match the listing's sort, newest first with the _id tie-break.
OrderSchema.index({ status: 1, createdAt: -1, _id: -1 });
OrderSchema.index({ createdAt: -1, _id: -1 });
