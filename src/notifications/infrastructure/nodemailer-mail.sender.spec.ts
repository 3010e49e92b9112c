import { MailDeliveryRejectedError } from '../domain/mail-delivery-rejected.error';
import { MailDeliveryTransientError } from '../domain/mail-delivery-transient.error';
import { classify } from './nodemailer-mail.sender';

describe('SMTP failure classification', () => {
  it.each([
    [{ message: 'x', responseCode: 451, response: '451 try later' }, MailDeliveryTransientError],
    [{ message: 'x', responseCode: 421 }, MailDeliveryTransientError],
    [{ message: 'refused', code: 'ECONNECTION' }, MailDeliveryTransientError],
    [{ message: 'timeout', code: 'ETIMEDOUT' }, MailDeliveryTransientError],
    [{ message: 'x', responseCode: 550, response: '550 no such user' }, MailDeliveryRejectedError],
    [{ message: 'No recipients defined', code: 'EENVELOPE' }, MailDeliveryRejectedError],
    [{ message: 'something odd' }, MailDeliveryTransientError],
  ])('%j → %p', (error, kind) => {
    const classified = classify(error);
    expect(classified).toBeInstanceOf(kind);
    expect(classified.permanent).toBe(kind === MailDeliveryRejectedError);
  });

  it("keeps the server's answer for the notification log", () => {
    expect(
      classify({ message: 'x', responseCode: 550, response: '550 5.1.1 unknown user' }).message,
    ).toBe('550 5.1.1 unknown user');
  });
});
