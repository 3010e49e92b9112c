/**
 * Runs stock changes one after another, within this process, when they touch a common SKU.
 * Optimistic concurrency keeps racing changes correct anyway, but not fast: a burst of orders for
 * one SKU would conflict in waves (one winner per round) and run out of retries. Other processes
 * (replicas on MongoDB) can still race with these; the version check settles that.
 */
export class StockLanes {
  /** Per SKU, the last change queued on it: it settles once that change is done. */
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(skus: string[], work: () => Promise<T>): Promise<T> {
    const keys = [...new Set(skus)];
    // Taken in one synchronous step, so runs queue in call order and never wait on each other in a circle.
    const ahead = keys.map((k) => this.tails.get(k));
    let leave = (): void => undefined;
    const mine = new Promise<void>((resolve) => (leave = resolve));
    for (const k of keys) this.tails.set(k, mine);
    try {
      await Promise.all(ahead);
      return await work();
    } finally {
      leave();
      for (const k of keys) if (this.tails.get(k) === mine) this.tails.delete(k);
    }
  }
}
