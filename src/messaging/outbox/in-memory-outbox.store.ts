import { OutboxMessage } from './outbox-message';
import { OutboxStore } from './outbox.store';

export class InMemoryOutboxStore extends OutboxStore {
  private readonly pending = new Map<string, OutboxMessage>();
  private readonly claimed = new Set<string>();

  constructor(private readonly onAppend: () => void = () => undefined) {
    super();
  }

  /** Synchronous on purpose: called in the same tick as the state write it belongs to. */
  append(messages: OutboxMessage[]): void {
    for (const m of messages) this.pending.set(m.id, m);
    if (messages.length > 0) this.onAppend();
  }

  async claim(limit: number): Promise<OutboxMessage[]> {
    const batch: OutboxMessage[] = [];
    for (const [id, m] of this.pending) {
      if (batch.length >= limit) break;
      if (this.claimed.has(id)) continue;
      this.claimed.add(id);
      batch.push(m);
    }
    return batch;
  }

  async markSent(ids: string[]): Promise<void> {
    for (const id of ids) {
      this.pending.delete(id);
      this.claimed.delete(id);
    }
  }

  async release(ids: string[]): Promise<void> {
    for (const id of ids) this.claimed.delete(id);
  }

  async pendingCount(): Promise<number> {
    return this.pending.size;
  }
}
