import { Transaction } from '../../messaging';

/** One accepted `Idempotency-Key`: which request it carried and which order that made. */
export interface LoggedRequest {
  key: string;
  requestHash: string;
  orderId: string;
  expiresAt: Date;
}

/**
 * The HTTP idempotency log, kept out of the Order aggregate. An entry is added in the same
 * commit as the order it names, so a key never points at an order that was not stored.
 */
export abstract class RequestLog {
  /** The live (unexpired) entry for the key, if any. */
  abstract find(key: string): Promise<LoggedRequest | undefined>;
  /** A live entry with the same key makes the commit fail with DuplicateIdempotencyKeyError. */
  abstract add(entry: LoggedRequest, tx: Transaction): Promise<void>;
}
