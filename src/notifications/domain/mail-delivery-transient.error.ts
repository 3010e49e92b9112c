/** The mail server may accept later (4xx, connection refused, timeout): worth retrying. */
export class MailDeliveryTransientError extends Error {
  readonly permanent = false;

  constructor(message: string) {
    super(message);
    this.name = 'MailDeliveryTransientError';
  }
}
