import { OutboxMessage } from './outbox-message';

/**
 * The relay's view of one module's outbox. Writing happens inside each module's repository,
 * in the same transaction (or critical section) as the state change.
 */
export abstract class OutboxStore {
  /** Takes up to `limit` unsent messages, hiding them from other relays until released or sent. */
  abstract claim(limit: number): Promise<OutboxMessage[]>;
  abstract markSent(ids: string[]): Promise<void>;
  abstract release(ids: string[]): Promise<void>;
  abstract pendingCount(): Promise<number>;
}
