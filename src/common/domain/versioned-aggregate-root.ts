import { AggregateRoot } from './aggregate-root';

/**
 * An aggregate saved with optimistic concurrency. `version` is what a save stores;
 * `persistedVersion` is what the store must still hold for the save to succeed: the version it
 * was loaded at, 0 for one never stored. A commit makes the stored version the new base.
 */
export abstract class VersionedAggregateRoot<TEvent extends object> extends AggregateRoot<TEvent> {
  private persisted: number;

  protected constructor(persistedVersion: number) {
    super();
    this.persisted = persistedVersion;
  }

  abstract get version(): number;

  get persistedVersion(): number {
    return this.persisted;
  }

  protected override afterCommit(): void {
    this.persisted = this.version;
  }
}
