import { EmailInProgressError } from './email-in-progress.error';
import { MailDeliveryRejectedError } from './mail-delivery-rejected.error';
import { MailDeliveryTransientError } from './mail-delivery-transient.error';

/** What the message pipeline branches on: `permanent` decides retry vs dead-letter. */
describe('Notifications domain errors', () => {
  it.each([
    [
      'EmailInProgressError',
      false,
      () => new EmailInProgressError('o-1', 'order-confirmed'),
      'The order-confirmed email for order o-1 is being sent by another worker',
    ],
    [
      'MailDeliveryRejectedError',
      true,
      () => new MailDeliveryRejectedError('550 5.1.1 unknown user'),
      '550 5.1.1 unknown user',
    ],
    [
      'MailDeliveryTransientError',
      false,
      () => new MailDeliveryTransientError('451 try again later'),
      '451 try again later',
    ],
  ])('%s is permanent: %s, and keeps its name and message', (name, permanent, make, message) => {
    const error = make();
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.permanent).toBe(permanent);
    expect(error.message).toBe(message);
  });
});
