import { DomainError } from '../../common/errors/domain.error';

export class DeadLetterNotFoundError extends DomainError {
  readonly code = 'DEAD_LETTERS.NOT_FOUND';
  readonly kind = 'not-found' as const;

  constructor(id: string) {
    super(`No dead letter ${id}`, { id });
  }
}
