import { Schema } from 'mongoose';
import { BillingLine, Invoice, InvoiceRefund } from '../domain/invoice';
import { PaymentProps } from '../domain/payment.entity';
import { PaymentIntent } from '../domain/payment-intent';

/** The stored shape is the domain's, keyed by order id. */
export type PaymentDoc = Omit<PaymentProps, 'orderId'> & { _id: string };

const Line = {
  _id: false,
  sku: String,
  name: String,
  quantity: Number,
  unitPrice: Number,
} satisfies Record<keyof BillingLine | '_id', unknown>;

const Intent = {
  customerEmail: String,
  amount: Number,
  currency: String,
  lines: [Line],
} satisfies Record<keyof PaymentIntent, unknown>;

const Refund = {
  amount: Number,
  refundedAt: Date,
  reason: String,
} satisfies Record<keyof InvoiceRefund, unknown>;

const InvoiceFields = {
  number: String,
  orderId: String,
  customerEmail: String,
  amount: Number,
  currency: String,
  lines: [Line],
  issuedAt: Date,
  status: String,
  refund: { type: new Schema(Refund, { _id: false }), required: false },
} satisfies Record<keyof Invoice, unknown>;

/** _id is the order id: one payment per order. The payment token is never among the fields. */
export const PaymentSchema = new Schema<PaymentDoc>(
  {
    _id: String,
    status: { type: String, required: true },
    intent: { type: new Schema(Intent, { _id: false }), required: true },
    paymentId: String,
    invoice: { type: new Schema(InvoiceFields, { _id: false }), required: false },
    failure: {
      type: new Schema({ code: String, reason: String }, { _id: false }),
      required: false,
    },
    createdAt: Date,
    updatedAt: Date,
    /** Optimistic concurrency: every update names the version it read. */
    version: { type: Number, required: true },
  },
  { collection: 'payments', versionKey: false },
);
PaymentSchema.index(
  { 'invoice.number': 1 },
  { unique: true, partialFilterExpression: { 'invoice.number': { $type: 'string' } } },
);
// Serves the invoice listing's sort exactly; _id breaks ties between invoices of one instant.
PaymentSchema.index({ 'invoice.issuedAt': -1, _id: -1 });
