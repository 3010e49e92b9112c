/** Another worker is sending this very email right now; retry later to see how it went. */
export class EmailInProgressError extends Error {
  readonly permanent = false;
  constructor(orderId: string, kind: string) {
    super(`The ${kind} email for order ${orderId} is being sent by another worker`);
    this.name = 'EmailInProgressError';
  }
}
