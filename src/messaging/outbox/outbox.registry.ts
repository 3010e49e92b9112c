import { Injectable } from '@nestjs/common';
import { OutboxStore } from './outbox.store';

/** Every module registers its outbox here; the relay drains them all. */
@Injectable()
export class OutboxRegistry {
  private readonly stores = new Map<string, OutboxStore>();
  private listener: () => void = () => undefined;

  register(owner: string, store: OutboxStore): void {
    this.stores.set(owner, store);
  }

  all(): Array<[string, OutboxStore]> {
    return [...this.stores];
  }

  /** Stores call this after a write commits, so the relay publishes without waiting to poll. */
  notifyAppended(): void {
    this.listener();
  }

  onAppended(listener: () => void): void {
    this.listener = listener;
  }

  async pendingCount(): Promise<number> {
    const counts = await Promise.all([...this.stores.values()].map((s) => s.pendingCount()));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The oldest unsent message across every module's outbox; undefined when none waits. */
  async oldestPendingAt(): Promise<Date | undefined> {
    const dates = await Promise.all([...this.stores.values()].map((s) => s.oldestPendingAt()));
    return dates.reduce<Date | undefined>((a, d) => (d && (!a || d < a) ? d : a), undefined);
  }
}
