import { MessageEnvelope } from '../envelope/message-envelope';

/** How a delivery ended: acked, sent to retry, parked (dead letter or refused), or skipped. */
export type HandleOutcome = 'ack' | 'retry' | 'dead_letter' | 'duplicate' | 'rejected' | 'requeue';

export interface Delivery {
  consumer: string;
  queue: string;
  /** The subscription's message type (the envelope may be unreadable). */
  type: string;
  headers: Record<string, unknown>;
  /** Absent when the message could not be decoded. */
  envelope?: MessageEnvelope;
  /** Failed attempts before this one. */
  attempt: number;
}

export interface Handled extends Delivery {
  outcome: HandleOutcome;
  seconds: number;
  error?: unknown;
}

export interface Publication {
  exchange: string;
  routingKey: string;
  /** AMQP headers the message goes out with; a tap may add to them. */
  headers: Record<string, unknown>;
  messageId?: string;
  correlationId?: string;
  /** The message type (AMQP `type`): the routing key for outbox messages, kept on replays. */
  type?: string;
  /** The body as sent; read it only for the few types a tap cares about. */
  readonly content: Buffer;
  /** The module whose outbox the message came from; absent for replays of dead letters. */
  module?: string;
}

export interface Published extends Publication {
  outcome: 'confirmed' | 'failed';
  seconds: number;
  error?: unknown;
}

/**
 * Watches what this process handles and publishes: metrics count it, tracing wraps it, the
 * timeline journals it. Every method is optional; none may throw (a tap that fails is logged
 * and ignored, never the reason a message fails).
 */
export interface MessageTap {
  /** Runs the handling of one delivery, e.g. inside a span extracted from its headers. */
  around?<T>(delivery: Delivery, run: () => Promise<T>): Promise<T>;
  handled?(handled: Handled): void;
  /** Just before a publish: may add headers (trace context). */
  publishing?(publication: Publication): void;
  published?(published: Published): void;
  /**
   * Headers to keep with a message written to the outbox now, in the writer's context, for
   * the relay to publish it with later (e.g. the current trace context).
   */
  capture?(): Record<string, string>;
}
