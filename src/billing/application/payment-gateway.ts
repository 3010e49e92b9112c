export interface ChargeRequest {
  token: string;
  amount: number;
  currency: string;
  /** Idempotency reference: charging the same reference twice charges once. */
  reference: string;
}

export type ChargeResult =
  | { outcome: 'succeeded'; paymentId: string }
  | { outcome: 'declined'; code: string; reason: string };

export interface RefundRequest {
  /** The charge's reference; refunding the same reference twice refunds once. */
  reference: string;
  paymentId: string;
  /** The whole charge: there are no partial refunds. */
  amount: number;
  currency: string;
}

export interface RefundResult {
  refundId: string;
}

/**
 * Port to a card processor. Declines are results; GatewayUnavailableError means try again, for
 * charges and refunds alike.
 */
export abstract class PaymentGateway {
  abstract charge(request: ChargeRequest): Promise<ChargeResult>;
  abstract refund(request: RefundRequest): Promise<RefundResult>;
}
