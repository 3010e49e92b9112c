import { JournalEntry } from './journal-entry';
import { NOW, handled, journalTap, published } from './journal.fixtures';
import { JournalTap } from './journal.tap';

describe('JournalTap, published', () => {
  let written: JournalEntry[];
  let tap: JournalTap;

  beforeEach(() => ({ tap, written } = journalTap()));

  it("journals what an outbox published, with its module, once it's confirmed", () => {
    tap.published(published());
    tap.published(published({ outcome: 'failed', error: new Error('nack') }));
    expect(written).toEqual([
      {
        id: expect.any(String),
        orderId: 'o-1',
        at: new Date(Math.floor(NOW - 1)),
        direction: 'published',
        type: 'order.confirmed',
        messageId: 'm-1',
        correlationId: 'c-1',
        module: 'orders',
        process: 'web-1-42-abcd',
        exchange: 'p.orderflow.events',
        attempt: 0,
        outcome: 'published',
      },
    ]);
  });

  it('journals a replay of a dead letter, to the queue it failed in', () => {
    const headers = { 'of-replayed-at': new Date(NOW).toISOString(), 'of-replay-count': 2 };
    tap.published(published({ module: undefined, headers, routingKey: 'p.billing.charge' }));
    expect(written[0]).toMatchObject({
      module: 'dead-letters',
      queue: 'p.billing.charge',
      replay: 2,
      outcome: 'replayed',
    });
  });

  it('skips other publications, and bodies that are no envelope of an order', () => {
    tap.published(published({ module: undefined }));
    tap.published(published({ content: Buffer.from('not json') }));
    tap.published(published({ content: Buffer.from('{"payload":{"sku":"A"}}') }));
    expect(written).toEqual([]);
  });

  it('orders entries of one millisecond by id: a publish before the handling it caused', () => {
    let now = NOW;
    const ticking = new JournalTap(
      'p',
      (e) => written.push(e),
      () => (now += 0.01),
    );
    ticking.published(published({ seconds: 0 }));
    ticking.handled(handled({ seconds: 0 }));
    const [p, h] = written;
    expect(p.at).toEqual(h.at);
    expect(p.id < h.id).toBe(true);
  });
});
