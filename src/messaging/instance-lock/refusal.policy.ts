export type RefusalVerdict = 'retry' | 'fatal';

/**
 * Decides what a refused lock means. The lock is an exclusive queue, owned by one connection.
 *
 * - Never held yet (startup, or the first connect after starting with the broker down): another
 *   instance was there first. Fatal at once; the message says how to fix it.
 * - Held before (a reconnect): the holder may be our own previous connection, which the broker
 *   has not yet found dead (it takes up to two missed heartbeats). Retry for a grace period;
 *   still refused after it, another instance really holds the lock: fatal.
 */
export class RefusalPolicy {
  private heldBefore = false;
  private refusedSince?: number;

  constructor(private readonly graceMs: number) {}

  get everHeld(): boolean {
    return this.heldBefore;
  }

  held(): void {
    this.heldBefore = true;
    this.refusedSince = undefined;
  }

  refused(now: number): RefusalVerdict {
    if (!this.heldBefore) return 'fatal';
    this.refusedSince ??= now;
    return now - this.refusedSince < this.graceMs ? 'retry' : 'fatal';
  }
}
