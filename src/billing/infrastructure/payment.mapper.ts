import { Payment } from '../domain/payment.entity';
import { PaymentDoc } from './payment.schema';

/** Between the aggregate and its stored document: the order id is the document's `_id`. */
export const PaymentMapper = {
  /** Absent fields stay absent, rather than depending on how the driver sends undefined. */
  toDoc(payment: Payment): PaymentDoc {
    const { orderId, paymentId, invoice, failure, ...always } = payment.snapshot();
    return {
      _id: orderId,
      ...always,
      ...(paymentId === undefined ? {} : { paymentId }),
      ...(invoice && { invoice }),
      ...(failure && { failure }),
    };
  },

  toDomain({ _id, ...fields }: PaymentDoc): Payment {
    return Payment.restore({ orderId: _id, ...fields });
  },
};
