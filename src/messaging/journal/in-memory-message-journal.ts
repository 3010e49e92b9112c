import { JournalEntry } from './journal-entry';
import { JOURNAL_TTL_MS, MessageJournal, TIMELINE_LIMIT, byTimeThenId } from './message-journal';

export interface InMemoryJournalLimits {
  ttlMs?: number;
  /** Entries kept over all orders; the orders seen first go first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * This process's journal only: in split mode each process sees just what it published and
 * handled itself. Bounded in age and size, since a process may run for months.
 */
export class InMemoryMessageJournal extends MessageJournal {
  readonly shared = false;
  private readonly byOrder = new Map<string, JournalEntry[]>();
  private size = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(limits: InMemoryJournalLimits = {}) {
    super();
    this.ttlMs = limits.ttlMs ?? JOURNAL_TTL_MS;
    this.maxEntries = limits.maxEntries ?? 100_000;
    this.now = limits.now ?? Date.now;
  }

  async append(entries: JournalEntry[]): Promise<void> {
    for (const entry of entries) {
      const list = this.byOrder.get(entry.orderId) ?? [];
      if (list.length === 0) this.byOrder.set(entry.orderId, list);
      list.push({ ...entry });
      this.size++;
    }
    this.evict();
  }

  async forOrder(orderId: string, limit = TIMELINE_LIMIT): Promise<JournalEntry[]> {
    const since = this.now() - this.ttlMs;
    return (this.byOrder.get(orderId) ?? [])
      .filter((e) => e.at.getTime() >= since)
      .sort(byTimeThenId)
      .slice(0, limit)
      .map((e) => ({ ...e }));
  }

  /** Drops whole orders, first seen first, while over the size or wholly expired. */
  private evict(): void {
    const since = this.now() - this.ttlMs;
    for (const [orderId, list] of this.byOrder) {
      const expired = list.every((e) => e.at.getTime() < since);
      if (!expired && this.size <= this.maxEntries) return;
      this.byOrder.delete(orderId);
      this.size -= list.length;
    }
  }
}
