import { AggregateRoot } from '../../common/domain/aggregate-root';
import { MessageEnvelope } from '../envelope/message-envelope';
import { InMemoryTransaction } from './in-memory-transaction';
import { MongoTransaction } from './mongo-transaction';

class Thing extends AggregateRoot<{ n: number }> {
  happen(n: number): void {
    this.record({ n });
  }
}

const envelope = (id: string): MessageEnvelope<object> => ({
  messageId: id,
  type: 'thing.happened',
  version: 1,
  occurredAt: '2026-11-27T10:00:00.000Z',
  correlationId: 'c-1',
  payload: {},
});
const mapper = (e: { n: number }) => (e.n < 0 ? [] : [envelope(`e-${e.n}`)]);

describe('Transaction', () => {
  it('announces the tracked aggregates’ events, mapped, then what was published, in order', () => {
    const tx = new InMemoryTransaction(mapper);
    const [a, b] = [new Thing(), new Thing()];
    a.happen(1);
    a.happen(-1);
    b.happen(2);
    tx.track(a);
    tx.publish(envelope('p-1'));
    tx.track(b);
    expect(tx.outgoing().map((e) => e.messageId)).toEqual(['e-1', 'e-2', 'p-1']);
  });

  it('announces an aggregate saved twice in one transaction once', () => {
    const tx = new InMemoryTransaction(mapper);
    const a = new Thing();
    a.happen(1);
    tx.track(a);
    tx.track(a);
    expect(tx.outgoing().map((e) => e.messageId)).toEqual(['e-1']);
  });

  it('keeps the events on the aggregate until committed, so a retried commit has them', () => {
    const tx = new InMemoryTransaction(mapper);
    const a = new Thing();
    a.happen(1);
    tx.track(a);
    tx.outgoing();
    expect(a.events).toEqual([{ n: 1 }]);
    tx.committed();
    expect(a.events).toEqual([]);
  });

  it('runs every check before any change, so a refused commit changes nothing', () => {
    const tx = new InMemoryTransaction(mapper);
    const applied: string[] = [];
    tx.stage({ apply: () => applied.push('first') });
    tx.stage({
      check: () => {
        throw new Error('stale');
      },
      apply: () => applied.push('second'),
    });
    expect(() => tx.applyAll()).toThrow('stale');
    expect(applied).toEqual([]);
  });

  it('refuses to hand an in-memory adapter a Mongo transaction, and the other way round', () => {
    const memory = new InMemoryTransaction(mapper);
    const mongo = new MongoTransaction({} as never, mapper);
    expect(InMemoryTransaction.from(memory)).toBe(memory);
    expect(MongoTransaction.from(mongo)).toBe(mongo);
    expect(() => InMemoryTransaction.from(mongo)).toThrow(
      'An in-memory repository was given a transaction of another store',
    );
    expect(() => MongoTransaction.from(memory)).toThrow(
      'A Mongo repository was given a transaction of another store',
    );
  });
});
