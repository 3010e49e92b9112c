/** How a domain error reads to a caller; ProblemFilter maps each kind to one HTTP status. */
export type DomainErrorKind =
  'not-found' | 'conflict' | 'unprocessable' | 'unavailable' | 'invalid';

/**
 * A rule of the domain said no. `code` is stable (MODULE.REASON) so clients can branch on it.
 * `permanent` tells the message pipeline whether retrying could ever help.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  readonly permanent: boolean = true;

  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
