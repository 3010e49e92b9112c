/**
 * Base of every aggregate: its guarded methods record what happened, and the unit of work
 * publishes those events when it commits the aggregate, so announcing needs no second call.
 */
export abstract class AggregateRoot<TEvent extends object> {
  private recorded: TEvent[] = [];

  protected record(event: TEvent): void {
    this.recorded.push(event);
  }

  /** Recorded since the last commit; kept until then, so a retried commit still has them. */
  get events(): readonly TEvent[] {
    return this.recorded;
  }

  clearEvents(): void {
    this.recorded = [];
  }

  /**
   * Called by the unit of work once the aggregate is stored: its events are in the outbox, and
   * what is stored is now the base a next save must find (see persistedVersion in aggregates).
   */
  markCommitted(): void {
    this.clearEvents();
    this.afterCommit();
  }

  /** Aggregates with an optimistic version move their persisted version on here. */
  protected afterCommit(): void {}
}
