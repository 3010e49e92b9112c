import { Transaction } from './transaction';

/**
 * The one way a module changes state. `run` gives the work a transaction; when the work returns,
 * its state changes, the events it announced (outbox) and, while handling a message, the inbox
 * entry for that message are committed in one atomic step. A lost optimistic race
 * (ConcurrentModificationError) re-runs the whole work, so it must load what it changes inside.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}
