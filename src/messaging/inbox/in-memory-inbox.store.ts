import { InboxStore } from './inbox.store';

/** Bounded so a long-running process does not grow without limit; oldest entries go first. */
export class InMemoryInboxStore extends InboxStore {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 200_000) {
    super();
  }

  async has(consumer: string, messageId: string): Promise<boolean> {
    return this.contains(consumer, messageId);
  }

  async record(consumer: string, messageId: string): Promise<void> {
    this.add(consumer, messageId);
  }

  /** Synchronous, for the unit of work's commit block. */
  contains(consumer: string, messageId: string): boolean {
    return this.seen.has(`${consumer}|${messageId}`);
  }

  /** Synchronous, for the unit of work's commit block. */
  add(consumer: string, messageId: string): void {
    this.seen.add(`${consumer}|${messageId}`);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
