import { JournalEntry } from './journal-entry';

/** How long an order's timeline is kept. */
export const JOURNAL_TTL_MS = 7 * 24 * 3600_000;
/** At most this many entries answer for one order: a message looping in retries cannot flood it. */
export const TIMELINE_LIMIT = 500;

/**
 * Every process appends what it published and handled; any process reads one order's entries.
 * Insert-only: an entry is never updated, so writers on many processes never contend.
 */
export abstract class MessageJournal {
  /** True when every process writes to this same journal (MongoDB), not only this one. */
  abstract readonly shared: boolean;
  abstract append(entries: JournalEntry[]): Promise<void>;
  /** The order's entries, oldest first (by `at`, then `id`), at most `limit`. */
  abstract forOrder(orderId: string, limit?: number): Promise<JournalEntry[]>;
}

/** The order the stores return: by time, then by id, in code-unit (binary) order as MongoDB does. */
export function byTimeThenId(a: JournalEntry, b: JournalEntry): number {
  const byTime = a.at.getTime() - b.at.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
