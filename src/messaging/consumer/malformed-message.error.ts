/** The body is not JSON, or not an envelope: no retry can fix it. */
export class MalformedMessageError extends Error {
  readonly permanent = true;

  constructor(message: string) {
    super(message);
    this.name = 'MalformedMessageError';
  }
}
