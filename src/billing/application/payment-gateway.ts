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

/** Port to a card processor. Declines are results; GatewayUnavailableError means try again. */
export abstract class PaymentGateway {
  abstract charge(request: ChargeRequest): Promise<ChargeResult>;
}
