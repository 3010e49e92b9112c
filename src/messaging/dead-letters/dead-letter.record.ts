export type DeadLetterStatus = 'PARKED' | 'REPLAYED';

/** A message that could not be handled, with why, where and how often it failed. */
export interface DeadLetterRecord {
  id: string;
  messageId?: string;
  type?: string;
  queue: string;
  consumer?: string;
  host?: string;
  originalExchange?: string;
  originalRoutingKey?: string;
  errorType: string;
  errorMessage: string;
  errorStack?: string;
  permanent: boolean;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  deadLetteredAt: Date;
  /** The body exactly as received; base64 because a poisoned body need not be text. */
  bodyBase64: string;
  contentType?: string;
  correlationId?: string;
  /** Headers that are not ours, carried back on replay. */
  headers: Record<string, string>;
  status: DeadLetterStatus;
  replayCount: number;
  replayedAt?: Date;
}

export interface DeadLetterFilter {
  queue?: string;
  type?: string;
  since?: Date;
  status?: DeadLetterStatus;
  /** Only records replayed fewer times than this. */
  replayCountBelow?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}
