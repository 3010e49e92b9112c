import { Schema } from 'mongoose';
import { OrderStatus } from '../domain/order-status';
import { OrderProps } from '../domain/order.entity';

type Optional = 'paymentDueAt' | 'paymentToken' | 'invoiceNumber';

/**
 * The stored shape is the aggregate's snapshot, keyed by order id. Optional fields are written
 * as null when unset: an update must clear a due time or a token, and Mongoose drops undefined.
 */
export type OrderDoc = Omit<OrderProps, 'id' | Optional> & {
  _id: string;
} & { [K in Optional]?: OrderProps[K] | null };

export const OrderSchema = new Schema<OrderDoc>(
  {
    _id: String,
    customerEmail: { type: String, required: true },
    items: [{ _id: false, sku: String, name: String, quantity: Number, unitPrice: Number }],
    currency: String,
    status: { type: String, enum: Object.values(OrderStatus), required: true },
    stock: { type: String, required: true },
    payment: { type: String, required: true },
    paymentDueAt: Date,
    paymentToken: String,
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
// The timeout poller's query and sort; an order with no charge open holds null, which no date matches.
OrderSchema.index({ paymentDueAt: 1, _id: 1 });
