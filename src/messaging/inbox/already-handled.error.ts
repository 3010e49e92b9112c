/**
 * The commit found this message in the inbox: another delivery of it (a redelivery after a
 * crash, or a duplicate racing in) already committed its effects. Nothing was written.
 */
export class AlreadyHandledError extends Error {
  constructor(consumer: string, messageId: string) {
    super(`${consumer} already handled message ${messageId}`);
    this.name = 'AlreadyHandledError';
  }
}
