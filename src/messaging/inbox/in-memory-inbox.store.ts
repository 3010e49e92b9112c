import { InboxStore } from './inbox.store';

/** Bounded so a long-running process does not grow without limit; oldest entries go first. */
export class InMemoryInboxStore extends InboxStore {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 200_000) {
    super();
  }

  async has(consumer: string, messageId: string): Promise<boolean> {
    return this.seen.has(`${consumer}|${messageId}`);
  }

  async record(consumer: string, messageId: string): Promise<void> {
    this.seen.add(`${consumer}|${messageId}`);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
