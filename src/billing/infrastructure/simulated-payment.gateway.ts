import { randomUUID } from 'node:crypto';
import { GatewayUnavailableError } from '../domain/gateway-unavailable.error';
import {
  ChargeRequest,
  ChargeResult,
  PaymentGateway,
  RefundRequest,
  RefundResult,
} from '../application/payment-gateway';

const DECLINES: Record<string, { code: string; reason: string }> = {
  tok_chargeDeclined: { code: 'card_declined', reason: 'Your card was declined.' },
  tok_chargeDeclinedInsufficientFunds: {
    code: 'insufficient_funds',
    reason: 'Your card has insufficient funds.',
  },
  tok_chargeDeclinedExpiredCard: { code: 'expired_card', reason: 'Your card has expired.' },
};

/** Charges fine; the first refund of its charge fails transiently, so retries get exercised. */
const REFUND_ERROR = 'tok_refundError';

const newId = (prefix: string): string =>
  `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 24)}`;

/**
 * Behaves like Stripe's test mode: tok_visa succeeds, tok_chargeDeclined* decline,
 * tok_processingError fails transiently, tok_refundError fails its first refund transiently.
 * Idempotent by reference for charges and refunds alike, like a real gateway. What it remembers
 * lives in this instance only: a restart (or another replica) forgets it, so a refund of a
 * charge it does not know simply succeeds.
 */
export class SimulatedPaymentGateway extends PaymentGateway {
  private readonly charges = new Map<string, string>();
  private readonly refunds = new Map<string, string>();
  /** References whose next refund attempt fails (tok_refundError), until it has failed once. */
  private readonly failingRefunds = new Set<string>();

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    if (req.token === 'tok_processingError') {
      throw new GatewayUnavailableError(
        'An error occurred while processing the card (tok_processingError)',
      );
    }
    const decline = DECLINES[req.token];
    if (decline) return { outcome: 'declined', ...decline };
    const known =
      req.token === REFUND_ERROR ||
      req.token.startsWith('tok_visa') ||
      req.token.startsWith('tok_mastercard');
    if (!known) {
      return {
        outcome: 'declined',
        code: 'invalid_token',
        reason: `Unknown payment token ${req.token}`,
      };
    }
    const charged = this.charges.get(req.reference);
    if (charged) return { outcome: 'succeeded', paymentId: charged };
    const paymentId = newId('ch');
    this.charges.set(req.reference, paymentId);
    // Armed by the first charge only: a repeated charge must not make a later refund fail again.
    if (req.token === REFUND_ERROR) this.failingRefunds.add(req.reference);
    return { outcome: 'succeeded', paymentId };
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    if (this.failingRefunds.delete(req.reference)) {
      throw new GatewayUnavailableError(
        `An error occurred while refunding ${req.paymentId} (${REFUND_ERROR})`,
      );
    }
    const refundId = this.refunds.get(req.reference) ?? newId('re');
    this.refunds.set(req.reference, refundId);
    return { refundId };
  }
}
