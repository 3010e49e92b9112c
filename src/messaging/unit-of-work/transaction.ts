import { AggregateRoot } from '../../common/domain/aggregate-root';
import { MessageEnvelope } from '../envelope/message-envelope';
import { EventMapper } from './event-mapper';

/**
 * What a unit of work hands to the work it runs. Repositories save through it; it gathers the
 * envelopes to publish, which the commit writes to the outbox together with the state.
 */
export abstract class Transaction {
  private readonly envelopes: MessageEnvelope<object>[] = [];
  private readonly aggregates = new Set<AggregateRoot<object>>();

  constructor(private readonly mapper: EventMapper) {}

  /** Called by a repository when it saves an aggregate: its recorded events go out on commit. */
  track(aggregate: AggregateRoot<object>): void {
    // A Set: an aggregate saved twice in one transaction still announces each event once.
    this.aggregates.add(aggregate);
  }

  /**
   * True once a repository saved this aggregate in this transaction. A second save must not
   * re-check the version (the first one already moved the row and holds it until commit).
   */
  tracks(aggregate: AggregateRoot<object>): boolean {
    return this.aggregates.has(aggregate);
  }

  /** For envelopes that no aggregate records (e.g. a reply built by the use case). */
  publish(...envelopes: MessageEnvelope<object>[]): void {
    this.envelopes.push(...envelopes);
  }

  /** Everything this transaction announces, in the order it happened. */
  outgoing(): MessageEnvelope<object>[] {
    const fromAggregates = [...this.aggregates].flatMap((a) =>
      a.events.flatMap((e) => this.mapper(e)),
    );
    return [...fromAggregates, ...this.envelopes];
  }

  /** After the commit: the aggregates' events are in the outbox now. */
  committed(): void {
    for (const a of this.aggregates) a.markCommitted();
  }
}
