import { OutboxMessage } from './outbox-message';

/** How long a claim hides its messages from other relays, on the store's own clock. */
export const OUTBOX_LEASE_MS = 30_000;

/**
 * A message as one claim handed it out. Only that claim's token settles it, so a relay whose
 * lease ran out (and whose rows another relay took over) cannot mark sent or release them.
 */
export interface ClaimedOutboxMessage extends OutboxMessage {
  readonly claimToken: string;
}

/**
 * The relay's view of one module's outbox. Writing happens inside the unit of work, in the same
 * transaction (or critical section) as the state change.
 *
 * Both stores keep a row's claim in `claimedBy` and `leaseUntil`, absent (never null) while it
 * is unclaimed.
 */
export abstract class OutboxStore {
  /**
   * Takes up to `limit` unsent messages that no live lease holds, oldest `createdAt` first,
   * under a fresh token and a lease that ends on the store's clock (the database's, on Mongo),
   * never on the caller's. Within one millisecond the order is the store's own.
   */
  abstract claim(limit: number): Promise<ClaimedOutboxMessage[]>;
  /** Marks sent the given messages that this claim still holds; the rest are left alone. */
  abstract markSent(claimed: readonly ClaimedOutboxMessage[]): Promise<void>;
  /** Hands back, for an immediate retry, the given messages that this claim still holds. */
  abstract release(claimed: readonly ClaimedOutboxMessage[]): Promise<void>;
  abstract pendingCount(): Promise<number>;
  /** When the oldest unsent message was written; undefined when none waits. */
  abstract oldestPendingAt(): Promise<Date | undefined>;
}
