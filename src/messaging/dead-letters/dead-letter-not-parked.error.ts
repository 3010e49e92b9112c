import { DomainError } from '../../common/errors/domain.error';

export class DeadLetterNotParkedError extends DomainError {
  readonly code = 'DEAD_LETTERS.NOT_PARKED';
  readonly kind = 'conflict' as const;

  constructor(id: string) {
    super(`Dead letter ${id} was already replayed`, { id });
  }
}
