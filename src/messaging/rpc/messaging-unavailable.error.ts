import { DomainError } from '../../common/errors/domain.error';

/** The broker (or the module behind it) did not answer in time; the caller may try later. */
export class MessagingUnavailableError extends DomainError {
  readonly code = 'MESSAGING.UNAVAILABLE';
  readonly kind = 'unavailable' as const;
  readonly permanent = false;
}
