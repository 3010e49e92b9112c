import { GatewayUnavailableError } from '../domain/gateway-unavailable.error';
import { SimulatedPaymentGateway } from './simulated-payment.gateway';

const req = (token: string, reference = 'order-1') => ({
  token,
  amount: 100,
  currency: 'EUR',
  reference,
});

describe('SimulatedPaymentGateway (Stripe-style test tokens)', () => {
  const gateway = new SimulatedPaymentGateway();

  it('charges tok_visa, once per reference', async () => {
    const a = await gateway.charge(req('tok_visa'));
    const b = await gateway.charge(req('tok_visa'));
    expect(a.outcome).toBe('succeeded');
    expect(b).toEqual(a);
    expect(await gateway.charge(req('tok_visa', 'order-2'))).not.toEqual(a);
  });

  it('declines tok_chargeDeclined as a business outcome', async () => {
    expect(await gateway.charge(req('tok_chargeDeclined'))).toEqual({
      outcome: 'declined',
      code: 'card_declined',
      reason: expect.any(String),
    });
  });

  it('fails tok_processingError with a retryable error', async () => {
    const error = await gateway.charge(req('tok_processingError')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayUnavailableError);
    expect((error as GatewayUnavailableError).permanent).toBe(false);
  });

  it('declines unknown tokens', async () => {
    expect(await gateway.charge(req('tok_bogus'))).toMatchObject({
      outcome: 'declined',
      code: 'invalid_token',
    });
  });
});
