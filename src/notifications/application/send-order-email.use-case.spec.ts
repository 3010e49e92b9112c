import { Logger } from '@nestjs/common';
import { DeliveryNotes } from '../../messaging';
import { EmailInProgressError } from '../domain/email-in-progress.error';
import { MailDeliveryRejectedError } from '../domain/mail-delivery-rejected.error';
import { MailDeliveryTransientError } from '../domain/mail-delivery-transient.error';
import { Notification } from '../domain/notification';
import { InMemoryNotificationRepository } from '../infrastructure/in-memory-notification.repository';
import { EmailContent } from './email-content';
import { MailSender, OutgoingMail, SentMail } from './mail-sender';
import { Claim } from './notification.repository';
import { SendOrderEmailUseCase } from './send-order-email.use-case';
import { EmailTemplates } from './email-templates';

/** Records every mail; fails the next sends with the queued errors; can hold a send open. */
class FakeMailSender extends MailSender {
  readonly sent: OutgoingMail[] = [];
  readonly failures: Error[] = [];
  hold?: Promise<void>;

  async send(mail: OutgoingMail): Promise<SentMail> {
    this.sent.push(mail);
    await this.hold;
    const failure = this.failures.shift();
    if (failure) throw failure;
    return { messageId: `${mail.messageId}-accepted`, response: '250 2.0.0 OK queued' };
  }
}

class RecordingRepository extends InMemoryNotificationRepository {
  readonly claims: { candidate: Notification; leaseUntil: Date }[] = [];

  claim(candidate: Notification, leaseUntil: Date): Promise<Claim> {
    this.claims.push({ candidate: structuredClone(candidate), leaseUntil });
    return super.claim(candidate, leaseUntil);
  }
}

const NOW = new Date('2026-03-01T09:00:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const content: EmailContent = {
  kind: 'order-rejected',
  orderId: 'o-1',
  to: 'ada@example.com',
  subject: 'Order o-1 could not be fulfilled',
  template: 'order-rejected',
  context: {
    shop: { name: 'Test shop', supportEmail: 'help@shop.test' },
    orderId: 'o-1',
    orderNumber: '#O1',
    title: 'We could not fulfil your order',
    preheader: 'You have not been charged.',
    reason: 'Some items are out of stock.',
    shortages: [],
  },
};
const rendered = new EmailTemplates().render(content.template, content.context);

describe('SendOrderEmailUseCase', () => {
  let repository: RecordingRepository;
  let sender: FakeMailSender;
  let useCase: SendOrderEmailUseCase;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    repository = new RecordingRepository();
    sender = new FakeMailSender();
    useCase = new SendOrderEmailUseCase(repository, sender, new EmailTemplates());
  });
  afterEach(() => jest.useRealTimers());

  it('claims a PENDING notification for (order, kind), leased for a minute', async () => {
    await useCase.execute(content);
    expect(repository.claims).toEqual([
      {
        candidate: {
          id: expect.stringMatching(UUID),
          orderId: 'o-1',
          kind: 'order-rejected',
          recipient: 'ada@example.com',
          subject: 'Order o-1 could not be fulfilled',
          status: 'PENDING',
          attempts: [],
          createdAt: NOW,
        },
        leaseUntil: new Date(NOW.getTime() + 60_000),
      },
    ]);
  });

  it("notes the email sent on the delivery, for the order's timeline; none when not sent", async () => {
    const notes = await DeliveryNotes.run(async () => {
      await useCase.execute(content);
      return DeliveryNotes.current();
    });
    expect(notes).toEqual({ email: { to: 'ada@example.com', subject: content.subject } });

    const again = await DeliveryNotes.run(async () => {
      await useCase.execute(content);
      return DeliveryNotes.current();
    });
    expect(again).toEqual({});
  });

  it('sends the mail with a stable message id and both rendered parts', async () => {
    await useCase.execute(content);
    expect(sender.sent).toEqual([
      {
        messageId: '<order-rejected.o-1@orderflow>',
        to: 'ada@example.com',
        subject: 'Order o-1 could not be fulfilled',
        template: 'order-rejected',
        html: rendered.html,
        text: rendered.text,
      },
    ]);
  });

  it("records the server's answer and marks the notification SENT", async () => {
    await useCase.execute(content);
    const [n] = await repository.list('o-1');
    expect(n.id).toBe(repository.claims[0].candidate.id);
    expect(n.status).toBe('SENT');
    expect(n.messageId).toBe('<order-rejected.o-1@orderflow>-accepted');
    expect(n.leaseUntil).toBeUndefined();
    expect(n.attempts).toEqual([
      {
        at: NOW,
        outcome: 'sent',
        response: '250 2.0.0 OK queued',
        messageId: '<order-rejected.o-1@orderflow>-accepted',
      },
    ]);
  });

  it('does not send again once the notification is SENT', async () => {
    await useCase.execute(content);
    await expect(useCase.execute(content)).resolves.toBeUndefined();
    expect(sender.sent).toHaveLength(1);
    expect((await repository.list())[0].attempts).toHaveLength(1);
  });

  it('records a permanent refusal as FAILED, does not throw and never retries', async () => {
    sender.failures.push(new MailDeliveryRejectedError('550 5.1.1 unknown user'));
    await expect(useCase.execute(content)).resolves.toBeUndefined();
    await useCase.execute(content);

    const [n] = await repository.list();
    expect(sender.sent).toHaveLength(1);
    expect(n.status).toBe('FAILED');
    expect(n.messageId).toBeUndefined();
    expect(n.attempts).toEqual([
      { at: NOW, outcome: 'permanent-failure', response: '550 5.1.1 unknown user' },
    ]);
  });

  it('records a transient failure, keeps it PENDING and rethrows for the retry policy', async () => {
    const failure = new MailDeliveryTransientError('451 4.7.1 try again later');
    sender.failures.push(failure);
    await expect(useCase.execute(content)).rejects.toBe(failure);

    const [n] = await repository.list();
    expect(n.status).toBe('PENDING');
    expect(n.leaseUntil).toBeUndefined();
    expect(n.attempts).toEqual([
      { at: NOW, outcome: 'transient-failure', response: '451 4.7.1 try again later' },
    ]);
  });

  it('treats an unclassified error as transient', async () => {
    const failure = new Error('socket hang up');
    sender.failures.push(failure);
    await expect(useCase.execute(content)).rejects.toBe(failure);
    expect((await repository.list())[0]).toMatchObject({
      status: 'PENDING',
      attempts: [{ at: NOW, outcome: 'transient-failure', response: 'socket hang up' }],
    });
  });

  it('retries after a transient failure and sends once it is accepted', async () => {
    sender.failures.push(new MailDeliveryTransientError('421 busy'));
    await expect(useCase.execute(content)).rejects.toThrow('421 busy');
    await useCase.execute(content);

    const [n] = await repository.list();
    expect(sender.sent).toHaveLength(2);
    expect(n.status).toBe('SENT');
    expect(n.attempts.map((a) => a.outcome)).toEqual(['transient-failure', 'sent']);
  });

  it('refuses to send while another worker holds the lease', async () => {
    let release!: () => void;
    sender.hold = new Promise((resolve) => (release = resolve));
    const first = useCase.execute(content);
    await new Promise(setImmediate);
    expect(sender.sent).toHaveLength(1);

    const second = useCase.execute(content);
    await expect(second).rejects.toThrow(EmailInProgressError);
    await expect(second).rejects.toThrow(
      'The order-rejected email for order o-1 is being sent by another worker',
    );
    release();
    await first;
    expect(sender.sent).toHaveLength(1);
    expect((await repository.list())[0].status).toBe('SENT');
  });
});
