/** The mail server refused for good (5xx, invalid address): retrying would only repeat it. */
export class MailDeliveryRejectedError extends Error {
  readonly permanent = true;

  constructor(message: string) {
    super(message);
    this.name = 'MailDeliveryRejectedError';
  }
}
