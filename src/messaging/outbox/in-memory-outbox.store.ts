import { randomUUID } from 'node:crypto';
import { OutboxMessage } from './outbox-message';
import { ClaimedOutboxMessage, OUTBOX_LEASE_MS, OutboxStore } from './outbox.store';

/** The lease length and the clock it is measured on; tests shorten or drive them. */
export interface InMemoryOutboxOptions {
  leaseMs?: number;
  now?: () => number;
}

interface Row {
  message: OutboxMessage;
  /** Append order: breaks createdAt ties, as a stable sort of the appends would. */
  seq: number;
  // Absent while unclaimed, as in the Mongo store.
  claimedBy?: string;
  leaseUntil?: number;
}

export class InMemoryOutboxStore extends OutboxStore {
  /**
   * Kept in claim order (createdAt, then append order), so a claim walks only to its limit
   * instead of sorting every row each time: thousands of rows wait here under load.
   */
  private rows = new Map<string, Row>();
  private seq = 0;
  // Stryker disable next-line UnaryOperator: +Infinity only sorts on every claim, same order
  private newest = -Infinity;
  /** An append broke the order; the next claim restores it once. */
  private unsorted = false;
  private readonly leaseMs: number;
  private readonly now: () => number;

  constructor(
    private readonly onAppend: () => void = () => undefined,
    options: InMemoryOutboxOptions = {},
  ) {
    super();
    this.leaseMs = options.leaseMs ?? OUTBOX_LEASE_MS;
    this.now = options.now ?? (() => Date.now());
  }

  /** Synchronous on purpose: called in the same tick as the state write it belongs to. */
  append(messages: OutboxMessage[]): void {
    for (const m of messages) {
      const at = m.createdAt.getTime();
      const row = this.rows.get(m.id);
      if (row) {
        if (row.message.createdAt.getTime() !== at) this.unsorted = true;
        row.message = m;
      } else {
        // Stryker disable next-line EqualityOperator: a tie sorts after its peers either way
        if (at < this.newest) this.unsorted = true;
        this.rows.set(m.id, { message: m, seq: this.seq++ });
      }
      // Stryker disable next-line EqualityOperator: the same value either way
      if (at > this.newest) this.newest = at;
    }
    if (messages.length > 0) this.onAppend();
  }

  // No await in claim, markSent or release: each runs as one block, so two relays sharing
  // this store never interleave inside one.
  async claim(limit: number): Promise<ClaimedOutboxMessage[]> {
    const now = this.now();
    const token = randomUUID();
    if (this.unsorted) this.sort();
    const max = Number.isNaN(limit) ? 0 : Math.max(0, Math.trunc(limit));
    const free: Row[] = [];
    for (const row of this.rows.values()) {
      if (free.length >= max) break;
      if (row.leaseUntil === undefined || row.leaseUntil < now) free.push(row);
    }
    for (const row of free) {
      row.claimedBy = token;
      row.leaseUntil = now + this.leaseMs;
    }
    return free.map((r) => ({ ...r.message, claimToken: token }));
  }

  async markSent(claimed: readonly ClaimedOutboxMessage[]): Promise<void> {
    for (const m of claimed) if (this.heldBy(m)) this.rows.delete(m.id);
  }

  async release(claimed: readonly ClaimedOutboxMessage[]): Promise<void> {
    for (const m of claimed) {
      const row = this.heldBy(m);
      if (!row) continue;
      delete row.claimedBy;
      delete row.leaseUntil;
    }
  }

  async pendingCount(): Promise<number> {
    return this.rows.size;
  }

  async oldestPendingAt(): Promise<Date | undefined> {
    let oldest: Date | undefined;
    for (const { message } of this.rows.values())
      if (!oldest || message.createdAt < oldest) oldest = message.createdAt;
    return oldest;
  }

  /** Oldest createdAt first; ties in the order they were first appended. */
  private sort(): void {
    const sorted = [...this.rows.entries()].sort(
      ([, a], [, b]) =>
        a.message.createdAt.getTime() - b.message.createdAt.getTime() || a.seq - b.seq,
    );
    this.rows = new Map(sorted);
    // Stryker disable next-line BooleanLiteral: true only sorts again on the next claim
    this.unsorted = false;
  }

  /** The row, if the claim that handed out `m` still holds it (even past its lease). */
  private heldBy(m: ClaimedOutboxMessage): Row | undefined {
    const row = this.rows.get(m.id);
    return row?.claimedBy === m.claimToken ? row : undefined;
  }
}
