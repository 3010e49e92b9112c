import { DomainError } from '../../common/errors/domain.error';

/** The gateway failed to process (not a decline); retrying may succeed. */
export class GatewayUnavailableError extends DomainError {
  readonly code = 'BILLING.GATEWAY_UNAVAILABLE';
  readonly kind = 'unavailable' as const;
  readonly permanent = false;
}
