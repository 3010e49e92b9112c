import type { HandleOutcome } from '../observability/message-tap';
import { DeliveryNotes } from './delivery-notes';
import { JournalEntry } from './journal-entry';
import { NOW, envelope, handled, journalTap } from './journal.fixtures';
import { JournalTap } from './journal.tap';

describe('JournalTap', () => {
  let written: JournalEntry[];
  let tap: JournalTap;

  beforeEach(() => ({ tap, written } = journalTap()));

  it('journals a delivery of an order: when it started, where, by whom, how it ended', () => {
    tap.handled(handled());
    expect(written).toEqual([
      {
        id: expect.stringMatching(/^0\d{16}-[0-9a-f]{8}[0-9a-z]+$/),
        orderId: 'o-1',
        at: new Date(Math.floor(NOW - 2)),
        direction: 'handled',
        type: 'order.confirmed',
        messageId: 'm-1',
        correlationId: 'c-1',
        module: 'notifications',
        process: 'web-1-42-abcd',
        queue: 'p.notifications.order-confirmed',
        attempt: 0,
        outcome: 'handled',
      },
    ]);
  });

  it.each<[HandleOutcome, string]>([
    ['ack', 'handled'],
    ['retry', 'retried'],
    ['requeue', 'retried'],
    ['dead_letter', 'dead-lettered'],
    ['rejected', 'dead-lettered'],
    ['duplicate', 'duplicate skipped'],
  ])('names the outcome %s as %s', (outcome, expected) => {
    tap.handled(handled({ outcome }));
    expect(written[0].outcome).toBe(expected);
  });

  it('keeps the attempt, the replay count and a short error', () => {
    const error = new Error('x'.repeat(1000));
    tap.handled(
      handled({ attempt: 2, outcome: 'retry', error, headers: { 'of-replay-count': 1 } }),
    );
    expect(written[0]).toMatchObject({ attempt: 2, replay: 1, outcome: 'retried' });
    expect(written[0].error).toMatch(/^Error: x+$/);
    expect(written[0].error).toHaveLength(300);
  });

  it('skips deliveries that concern no order, or could not be read', () => {
    tap.handled(handled({ envelope: envelope({ sku: 'A' }) }));
    tap.handled(handled({ envelope: undefined, outcome: 'rejected' }));
    tap.handled(handled({ envelope: envelope({ orderId: 42 }) }));
    expect(written).toEqual([]);
  });

  it('adds the email a handler noted, only when the delivery succeeded', async () => {
    const mail = { to: 'ada@example.com', subject: 'Order o-1 confirmed' };
    for (const outcome of ['ack', 'retry'] as const)
      await tap.around(handled(), async () => {
        DeliveryNotes.email(mail);
        tap.handled(handled({ outcome }));
      });
    expect(written.map((e) => e.email)).toEqual([mail, undefined]);
  });
});
