/** Throw (or extend) this from a handler when retrying cannot help. */
export class PermanentError extends Error {
  readonly permanent = true;

  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}
