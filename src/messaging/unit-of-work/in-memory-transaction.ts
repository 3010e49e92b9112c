import { Transaction } from './transaction';

export interface StagedWrite {
  /** Throws (e.g. ConcurrentModificationError) to refuse the whole commit; must not change state. */
  check?: () => void;
  apply: () => void;
}

/**
 * In memory, a commit is one synchronous block: every check, then every change, then the outbox
 * and inbox writes. Node runs no other task in between, so nobody sees half of it.
 */
export class InMemoryTransaction extends Transaction {
  private readonly writes: StagedWrite[] = [];

  /** Narrows a transaction for an in-memory adapter; a Mongo one here is a wiring mistake. */
  static from(tx: Transaction): InMemoryTransaction {
    if (tx instanceof InMemoryTransaction) return tx;
    throw new Error('An in-memory repository was given a transaction of another store');
  }

  stage(write: StagedWrite): void {
    this.writes.push(write);
  }

  /** Synchronous on purpose; see the class comment. */
  applyAll(): void {
    for (const w of this.writes) w.check?.();
    for (const w of this.writes) w.apply();
  }
}
