import { DomainError } from '../../common/errors/domain.error';
import { GatewayUnavailableError } from './gateway-unavailable.error';

describe('GatewayUnavailableError', () => {
  it('is a retryable unavailable error that keeps the gateway message', () => {
    const error = new GatewayUnavailableError('processor timed out', { attempt: 1 });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('GatewayUnavailableError');
    expect(error.code).toBe('BILLING.GATEWAY_UNAVAILABLE');
    expect(error.kind).toBe('unavailable');
    expect(error.permanent).toBe(false);
    expect(error.message).toBe('processor timed out');
    expect(error.details).toEqual({ attempt: 1 });
  });
});
