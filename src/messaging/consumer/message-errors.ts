/** The body is not JSON, or not an envelope: no retry can fix it. */
export class MalformedMessageError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}

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

/** Throw (or extend) this from a handler when retrying cannot help. */
export class PermanentError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}

/** Anything not marked permanent is assumed transient: a retry may succeed. */
export function isPermanent(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { permanent?: unknown }).permanent === true
  );
}

export function describeError(error: unknown): { type: string; message: string; stack?: string } {
  if (error instanceof Error)
    return { type: error.name, message: error.message, stack: error.stack };
  return { type: typeof error, message: String(error) };
}
