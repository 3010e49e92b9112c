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
  // Absent while unclaimed, as in the Mongo store.
  claimedBy?: string;
  leaseUntil?: number;
}

export class InMemoryOutboxStore extends OutboxStore {
  private readonly rows = new Map<string, Row>();
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
      const row = this.rows.get(m.id);
      if (row) row.message = m;
      else this.rows.set(m.id, { message: m });
    }
    if (messages.length > 0) this.onAppend();
  }

  // No await in claim, markSent or release: each runs as one block, so two relays sharing
  // this store never interleave inside one.
  async claim(limit: number): Promise<ClaimedOutboxMessage[]> {
    const now = this.now();
    const token = randomUUID();
    const free = [...this.rows.values()]
      .filter((r) => r.leaseUntil === undefined || r.leaseUntil < now)
      // A stable sort: ties keep the order they were appended in.
      .sort((a, b) => a.message.createdAt.getTime() - b.message.createdAt.getTime())
      .slice(0, Math.max(0, limit));
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

  /** The row, if the claim that handed out `m` still holds it (even past its lease). */
  private heldBy(m: ClaimedOutboxMessage): Row | undefined {
    const row = this.rows.get(m.id);
    return row?.claimedBy === m.claimToken ? row : undefined;
  }
}
