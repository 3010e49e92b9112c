/** The payload breaks its contract: no retry can fix it. */
export class ContractViolationError extends Error {
  readonly permanent = true;

  constructor(
    message: string,
    readonly violations: string[],
  ) {
    super(`${message}: ${violations.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}
