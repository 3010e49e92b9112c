import { GatewayUnavailableError } from '../domain/gateway-unavailable.error';
import { SimulatedPaymentGateway } from './simulated-payment.gateway';

const req = (token: string, reference = 'order-1') => ({
  token,
  amount: 100,
  currency: 'EUR',
  reference,
});

const refundOf = (reference = 'order-1', paymentId = 'ch_1') => ({
  reference,
  paymentId,
  amount: 100,
  currency: 'EUR',
});

describe('SimulatedPaymentGateway (Stripe-style test tokens)', () => {
  let gateway: SimulatedPaymentGateway;
  beforeEach(() => (gateway = new SimulatedPaymentGateway()));

  it.each(['tok_visa', 'tok_mastercard', 'tok_refundError'])(
    'charges %s, once per reference',
    async (token) => {
      const a = await gateway.charge(req(token));
      const b = await gateway.charge(req(token));
      expect(a).toEqual({ outcome: 'succeeded', paymentId: expect.stringMatching(/^ch_\w{24}$/) });
      expect(b).toEqual(a);
      expect(await gateway.charge(req(token, 'order-2'))).not.toEqual(a);
    },
  );

  it('declines tok_chargeDeclined* as a business outcome', async () => {
    expect(await gateway.charge(req('tok_chargeDeclined'))).toEqual({
      outcome: 'declined',
      code: 'card_declined',
      reason: 'Your card was declined.',
    });
    expect(await gateway.charge(req('tok_chargeDeclinedExpiredCard'))).toMatchObject({
      code: 'expired_card',
    });
  });

  it('fails tok_processingError with a retryable error, on every attempt', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await gateway.charge(req('tok_processingError')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GatewayUnavailableError);
      expect((error as GatewayUnavailableError).permanent).toBe(false);
    }
  });

  it('declines unknown tokens', async () => {
    expect(await gateway.charge(req('tok_bogus'))).toEqual({
      outcome: 'declined',
      code: 'invalid_token',
      reason: 'Unknown payment token tok_bogus',
    });
  });

  it('refunds a charge once per reference', async () => {
    await gateway.charge(req('tok_visa'));
    const a = await gateway.refund(refundOf());
    expect(a).toEqual({ refundId: expect.stringMatching(/^re_\w{24}$/) });
    expect(await gateway.refund(refundOf())).toEqual(a);
    expect(await gateway.refund(refundOf('order-2'))).not.toEqual(a);
  });

  it('refunds a charge it does not remember (made before a restart)', async () => {
    expect(await gateway.refund(refundOf('order-9'))).toEqual({ refundId: expect.any(String) });
  });

  it('fails the first refund of a tok_refundError charge transiently, then refunds', async () => {
    await gateway.charge(req('tok_refundError'));
    await gateway.charge(req('tok_refundError'));
    const error = await gateway.refund(refundOf()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayUnavailableError);
    expect((error as GatewayUnavailableError).permanent).toBe(false);

    const refund = await gateway.refund(refundOf());
    expect(await gateway.refund(refundOf())).toEqual(refund);
    // A repeated charge after the failure does not arm it again.
    await gateway.charge(req('tok_refundError'));
    expect(await gateway.refund(refundOf())).toEqual(refund);
  });

  it('fails only the refunds of tok_refundError charges', async () => {
    await gateway.charge(req('tok_refundError', 'order-1'));
    await gateway.charge(req('tok_visa', 'order-2'));
    await expect(gateway.refund(refundOf('order-2'))).resolves.toBeDefined();
    await expect(gateway.refund(refundOf('order-1'))).rejects.toBeInstanceOf(
      GatewayUnavailableError,
    );
  });
});
