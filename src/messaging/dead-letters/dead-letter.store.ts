import { DeadLetterFilter, DeadLetterRecord, Page } from './dead-letter.record';

export abstract class DeadLetterStore {
  /** Idempotent by id: recording the same dead letter twice keeps one. */
  abstract save(record: DeadLetterRecord): Promise<void>;
  abstract list(
    filter: DeadLetterFilter,
    offset: number,
    limit: number,
  ): Promise<Page<DeadLetterRecord>>;
  abstract get(id: string): Promise<DeadLetterRecord | undefined>;
  abstract delete(id: string): Promise<boolean>;
  /** Atomically moves PARKED to REPLAYED; false if it was not parked (so a replay happens once). */
  abstract markReplayed(id: string): Promise<boolean>;
  /** Undoes markReplayed when the replay could not be published. */
  abstract markParked(id: string): Promise<void>;
}
