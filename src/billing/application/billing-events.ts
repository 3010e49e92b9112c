import {
  MessageEnvelope,
  PaymentFailed,
  PaymentRefunded,
  PaymentSucceeded,
  Publications,
  newEnvelope,
} from '../../messaging';
import { PaymentEvent } from '../domain/payment-events';

/** Everything billingEvents can produce. */
export const billingPublications: Publications = {
  events: [PaymentSucceeded, PaymentFailed, PaymentRefunded],
};

/** Billing's EventMapper: what a decided or refunded payment announces to the other modules. */
export function billingEvents(event: PaymentEvent): MessageEnvelope<object>[] {
  switch (event.type) {
    case 'PaymentSucceeded': {
      const { orderId, paymentId, invoice } = event;
      // The contract's invoice leaves out what consumers already know (order, customer, time).
      const { number, amount, currency, lines } = invoice;
      return [
        newEnvelope(PaymentSucceeded, {
          orderId,
          paymentId,
          invoice: { number, amount, currency, lines },
        }),
      ];
    }
    case 'PaymentFailed': {
      const { orderId, code, reason } = event;
      return [newEnvelope(PaymentFailed, { orderId, code, reason })];
    }
    case 'PaymentRefunded': {
      const { orderId, paymentId, invoiceNumber, amount, currency, reason, refundedAt } = event;
      return [
        newEnvelope(PaymentRefunded, {
          orderId,
          paymentId,
          invoiceNumber,
          amount,
          currency,
          reason,
          refundedAt: refundedAt.toISOString(),
        }),
      ];
    }
  }
}
