import { MessageEnvelope } from '../envelope/message-envelope';
import { MessageTaps } from '../observability/message-taps';

/** An event waiting to be published; written in the same atomic step as the state it follows. */
export interface OutboxMessage {
  id: string;
  routingKey: string;
  body: string;
  correlationId: string;
  createdAt: Date;
  /** Absent: the events exchange. `commands`: the commands exchange (point to point). */
  destination?: 'commands';
  /** AMQP headers captured where the message was written, e.g. the W3C trace context. */
  headers?: Record<string, string>;
}

export function toOutboxMessage(envelope: MessageEnvelope<object>): OutboxMessage {
  return {
    id: envelope.messageId,
    routingKey: envelope.type,
    body: JSON.stringify(envelope),
    correlationId: envelope.correlationId,
    createdAt: new Date(envelope.occurredAt),
    ...(envelope.kind === 'command' ? { destination: 'commands' as const } : {}),
    ...withHeaders(MessageTaps.capture()),
  };
}

function withHeaders(headers: Record<string, string> | undefined): {
  headers?: Record<string, string>;
} {
  return headers && Object.keys(headers).length > 0 ? { headers } : {};
}
