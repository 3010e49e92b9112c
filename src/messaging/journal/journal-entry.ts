/** Which side of the broker saw the message: its publisher's relay, or one of its consumers. */
export type JournalDirection = 'published' | 'handled';

/**
 * What became of it there. `replayed`: handled after an operator replayed it from the dead
 * letters. A delivery that failed after a replay is `retried` or `dead-lettered`, with `replay`.
 */
export type JournalOutcome =
  'published' | 'handled' | 'retried' | 'dead-lettered' | 'replayed' | 'duplicate skipped';

/** An email a handler sent while handling the message, as notifications noted it. */
export interface SentEmail {
  to: string;
  subject: string;
}

/** One line of an order's timeline: one publish, or one delivery, of one of its messages. */
export interface JournalEntry {
  /** Unique per entry; orders the entries of one millisecond (the tap makes it sortable by time). */
  id: string;
  orderId: string;
  /** When the publish or the handling started. */
  at: Date;
  direction: JournalDirection;
  type: string;
  messageId?: string;
  correlationId?: string;
  /** The module whose outbox published it, or the consumer that handled it. */
  module: string;
  /** The process (TopologyDeclarer.instanceId: host, pid and a random suffix). */
  process: string;
  /** Handled: the queue it was taken from. Published: the exchange it went to. */
  queue?: string;
  exchange?: string;
  /** Failed attempts before this one. */
  attempt: number;
  /** How often it had been replayed from the dead letters, when it had been. */
  replay?: number;
  outcome: JournalOutcome;
  /** Why a delivery failed, as short as the error's message allows. */
  error?: string;
  email?: SentEmail;
}
