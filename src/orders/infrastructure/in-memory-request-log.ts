import { InMemoryTransaction, Transaction } from '../../messaging';
import { DuplicateIdempotencyKeyError } from '../application/duplicate-idempotency-key.error';
import { LoggedRequest, RequestLog } from '../application/request-log';

export class InMemoryRequestLog extends RequestLog {
  private readonly entries = new Map<string, LoggedRequest>();

  async find(key: string): Promise<LoggedRequest | undefined> {
    const entry = this.live(key);
    return entry && { ...entry };
  }

  async add(entry: LoggedRequest, tx: Transaction): Promise<void> {
    const row = { ...entry };
    InMemoryTransaction.from(tx).stage({
      check: () => {
        const held = this.entries.get(row.key);
        if (held && held.expiresAt.getTime() > Date.now())
          throw new DuplicateIdempotencyKeyError(row.key);
      },
      apply: () => this.entries.set(row.key, row),
    });
  }

  /** Expired entries are dropped when met, which keeps the map bounded by live keys. */
  private live(key: string): LoggedRequest | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt.getTime() <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
