import { DomainError } from './domain.error';

/** Someone else changed the record first; reload and try again. */
export class ConcurrentModificationError extends DomainError {
  readonly code = 'COMMON.CONCURRENT_MODIFICATION';
  readonly kind = 'conflict' as const;
  readonly permanent = false;

  constructor(entity: string, id: string) {
    super(`${entity} ${id} was modified concurrently`, { entity, id });
  }
}
