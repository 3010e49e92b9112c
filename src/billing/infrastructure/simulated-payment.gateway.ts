import { randomUUID } from 'node:crypto';
import { GatewayUnavailableError } from '../domain/gateway-unavailable.error';
import { ChargeRequest, ChargeResult, PaymentGateway } from '../application/payment-gateway';

const DECLINES: Record<string, { code: string; reason: string }> = {
  tok_chargeDeclined: { code: 'card_declined', reason: 'Your card was declined.' },
  tok_chargeDeclinedInsufficientFunds: {
    code: 'insufficient_funds',
    reason: 'Your card has insufficient funds.',
  },
  tok_chargeDeclinedExpiredCard: { code: 'expired_card', reason: 'Your card has expired.' },
};

/**
 * Behaves like Stripe's test mode: tok_visa succeeds, tok_chargeDeclined* decline,
 * tok_processingError fails transiently. Idempotent by reference, like a real gateway.
 */
export class SimulatedPaymentGateway extends PaymentGateway {
  private readonly charges = new Map<string, string>();

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    if (req.token === 'tok_processingError') {
      throw new GatewayUnavailableError(
        'An error occurred while processing the card (tok_processingError)',
      );
    }
    const decline = DECLINES[req.token];
    if (decline) return { outcome: 'declined', ...decline };
    if (!req.token.startsWith('tok_visa') && !req.token.startsWith('tok_mastercard')) {
      return {
        outcome: 'declined',
        code: 'invalid_token',
        reason: `Unknown payment token ${req.token}`,
      };
    }
    const paymentId =
      this.charges.get(req.reference) ?? `ch_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    this.charges.set(req.reference, paymentId);
    return { outcome: 'succeeded', paymentId };
  }
}
